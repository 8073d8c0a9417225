// The load engine's TLS connections, seen from OpenSSL: handshakes counted, and one OpenSSL context per
// thread instead of one per connection. THIS FILE INTERPOSES OpenSSL's SSL_CTX_new FOR THE WHOLE PROCESS
// (hence its name): checked against libcurl 7.88.1 and OpenSSL 3.0 on Debian 12, the versions
// `ccurl_tls_lane_shares_context` requires; Tests/CSARCheckTests/TLSInterpositionTests.swift fails when the
// versions under it change, so the sharing is checked again before it is trusted.
//
// libcurl 7.88 makes a new SSL_CTX for every connection and frees it when the connection closes. Under
// OpenSSL 3.0, SSL_CTX_new fetches every cipher, digest, group and signature algorithm from the provider
// again: 1.1 M instructions and some 1,500 lock round trips per connection (callgrind), a quarter of the
// client's CPU for each HTTPS request without keep-alive, where ab makes one context for its whole run.
// libcurl configures each context identically for a given transfer setup (options, verification, the CA
// store it caches per multi handle, ALPN, its session callbacks) and keeps per-connection state on the SSL
// object, not on the context: so on a thread running a load lane, SSL_CTX_new hands out one shared,
// reference-counted context. This file defines SSL_CTX_new for the whole process: libcurl's calls resolve to
// it, and outside a lane (scenario runs, other threads, other libcurl versions) it is OpenSSL's own.
#include "ccurl.h"

#if defined(__linux__) && __has_include(<openssl/ssl.h>)
#include <openssl/ssl.h>
#include <string.h>

static __thread ccurl_tls_counters *lane_counters;
static __thread SSL_CTX *lane_context;
static __thread int lane_shares_context;

int ccurl_tls_lane_shares_context(void) {
    const curl_version_info_data *info = curl_version_info(CURLVERSION_NOW);
    // Checked against libcurl 7.88's OpenSSL backend (Debian 12); another version keeps its own contexts.
    return (info->version_num >> 8) == 0x0758 && info->ssl_version != NULL
        && strncmp(info->ssl_version, "OpenSSL/3", 9) == 0;
}

void ccurl_tls_lane_begin(ccurl_tls_counters *counters) {
    lane_counters = counters;
    lane_shares_context = ccurl_tls_lane_shares_context();
}

void ccurl_tls_lane_end(void) {
    if (lane_context != NULL) SSL_CTX_free(lane_context);
    lane_context = NULL;
    lane_counters = NULL;
    lane_shares_context = 0;
}

SSL_CTX *SSL_CTX_new(const SSL_METHOD *method) {
    if (lane_counters == NULL || method != TLS_client_method()) return SSL_CTX_new_ex(NULL, NULL, method);
    if (!lane_shares_context) {
        lane_counters->contexts++;
        return SSL_CTX_new_ex(NULL, NULL, method);
    }
    if (lane_context == NULL) {
        lane_context = SSL_CTX_new_ex(NULL, NULL, method);
        if (lane_context == NULL) return NULL;
        lane_counters->contexts++;
    }
    return SSL_CTX_up_ref(lane_context) ? lane_context : NULL;
}

// Once per connection: OpenSSL reports the end of the handshake, not TLS 1.3's later session tickets.
static void count_handshake(const SSL *ssl, int where, int value) {
    if (!(where & SSL_CB_HANDSHAKE_DONE) || value != 1 || lane_counters == NULL) return;
    lane_counters->handshakes++;
    if (SSL_session_reused((SSL *)ssl)) lane_counters->resumed++;
}

static CURLcode prepare_context(CURL *handle, void *context, void *unused) {
    (void)handle;
    (void)unused;
    SSL_CTX_set_info_callback((SSL_CTX *)context, count_handshake);
    return CURLE_OK;
}

CURLcode ccurl_easy_count_tls_handshakes(CURL *handle) {
    return curl_easy_setopt(handle, CURLOPT_SSL_CTX_FUNCTION, prepare_context);
}

#else

void ccurl_tls_lane_begin(ccurl_tls_counters *counters) { (void)counters; }
void ccurl_tls_lane_end(void) {}
int ccurl_tls_lane_shares_context(void) { return 0; }
CURLcode ccurl_easy_count_tls_handshakes(CURL *handle) {
    (void)handle;
    return CURLE_OK;
}

#endif
