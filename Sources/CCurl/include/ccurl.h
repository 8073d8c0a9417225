#ifndef CCURL_H
#define CCURL_H

// Typed, non-variadic entry points into libcurl: Swift cannot call variadic C functions such as
// curl_easy_setopt, so each argument type gets its own wrapper (as swift-corelibs-foundation does).
#include <curl/curl.h>

typedef size_t (*ccurl_data_callback)(char *data, size_t size, size_t count, void *context);

CURLcode ccurl_easy_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode ccurl_easy_setopt_int64(CURL *handle, CURLoption option, curl_off_t value);
CURLcode ccurl_easy_setopt_pointer(CURL *handle, CURLoption option, const void *value);
CURLcode ccurl_easy_setopt_callback(CURL *handle, CURLoption option, ccurl_data_callback callback);

typedef int (*ccurl_xferinfo_callback)(void *context, curl_off_t downloadTotal, curl_off_t downloadNow,
                                       curl_off_t uploadTotal, curl_off_t uploadNow);
CURLcode ccurl_easy_setopt_xferinfo_callback(CURL *handle, ccurl_xferinfo_callback callback);

typedef int (*ccurl_sockopt_callback)(void *context, curl_socket_t socket, curlsocktype purpose);
CURLcode ccurl_easy_setopt_sockopt_callback(CURL *handle, ccurl_sockopt_callback callback);

CURLcode ccurl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode ccurl_easy_getinfo_int64(CURL *handle, CURLINFO info, curl_off_t *value);
CURLcode ccurl_easy_getinfo_string(CURL *handle, CURLINFO info, const char **value);
CURLcode ccurl_easy_getinfo_slist(CURL *handle, CURLINFO info, struct curl_slist **value);
CURLcode ccurl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value);

typedef int (*ccurl_socket_callback)(CURL *easy, curl_socket_t socket, int what, void *context, void *socketContext);
typedef int (*ccurl_timer_callback)(CURLM *multi, long milliseconds, void *context);

CURLMcode ccurl_multi_setopt_pointer(CURLM *multi, CURLMoption option, void *value);
CURLMcode ccurl_multi_setopt_socket_callback(CURLM *multi, ccurl_socket_callback callback);
CURLMcode ccurl_multi_setopt_timer_callback(CURLM *multi, ccurl_timer_callback callback);

/// What the load engine's TLS connections on one thread cost: handshakes completed, how many resumed a
/// session, and the OpenSSL contexts (SSL_CTX) made for them.
typedef struct {
    long handshakes;
    long resumed;
    long contexts;
} ccurl_tls_counters;

/// From now until ccurl_tls_lane_end, on the calling thread: every TLS handshake libcurl completes on a
/// connection of a handle set up with ccurl_easy_count_tls_handshakes is counted into `counters`, and where
/// libcurl is 7.88 with OpenSSL, its new connections share one OpenSSL context instead of making one each.
/// Elsewhere (other threads, other platforms) nothing changes. `counters` must outlive the lane.
void ccurl_tls_lane_begin(ccurl_tls_counters *counters);

/// Ends the calling thread's lane: counting stops, and the shared context goes once its connections close.
void ccurl_tls_lane_end(void);

/// Whether a lane on this machine shares one OpenSSL context between its connections (see ccurl_tls_interposes_SSL_CTX_new.c).
int ccurl_tls_lane_shares_context(void);

/// Lets the handshakes of `handle`'s new TLS connections be counted (CURLOPT_SSL_CTX_FUNCTION).
CURLcode ccurl_easy_count_tls_handshakes(CURL *handle);

/// The server certificate and protocol of a TLS connection, as a production check reports them.
typedef struct {
    /// "TLSv1.3", "TLSv1.2"…
    char protocol[32];
    /// RFC 2253 distinguished names, e.g. "CN=csar.sn,O=CSAR".
    char subject[512];
    char issuer[512];
    /// The subjectAltName DNS names and IP addresses, comma-separated.
    char alt_names[1024];
    /// Validity, in Unix seconds.
    long long not_before;
    long long not_after;
} ccurl_certificate;

/// A handshake that stops before the request: `found` is 1 once `certificate` holds the server's.
typedef struct {
    CURL *handle;
    int found;
    ccurl_certificate certificate;
} ccurl_certificate_probe;

/// Makes `probe->handle`'s next transfer read the leaf certificate and protocol of its TLS connection once it
/// is established, and abort before any request is sent (CURLOPT_PREREQFUNCTION): perform then returns
/// CURLE_ABORTED_BY_CALLBACK. `probe` must outlive the transfer.
CURLcode ccurl_easy_probe_certificate(ccurl_certificate_probe *probe);

/// Ignores SIGPIPE for the whole process once: with CURLOPT_NOSIGNAL set, libcurl no longer guards each
/// transfer itself (3 syscalls per request), so a peer closing a socket must not kill the process.
void ccurl_ignore_sigpipe(void);

/// The running libcurl's version information (`curl_version_info(CURLVERSION_NOW)`; the macro does not reach Swift).
const curl_version_info_data *ccurl_version_info(void);

#endif
