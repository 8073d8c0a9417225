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

/// TLS handshakes completed on the connections of one easy handle, and how many of them resumed a session.
typedef struct {
    long handshakes;
    long resumed;
} ccurl_tls_handshakes;

/// Counts into `counters` each TLS handshake completed on the connections `handle` opens from now on: an
/// OpenSSL info callback on each connection's context, through CURLOPT_SSL_CTX_FUNCTION (libcurl built with
/// OpenSSL only). `counters` must outlive the handle's transfers.
CURLcode ccurl_easy_count_tls_handshakes(CURL *handle, ccurl_tls_handshakes *counters);

/// Ignores SIGPIPE for the whole process once: with CURLOPT_NOSIGNAL set, libcurl no longer guards each
/// transfer itself (3 syscalls per request), so a peer closing a socket must not kill the process.
void ccurl_ignore_sigpipe(void);

#endif
