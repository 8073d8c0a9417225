// The server certificate of a TLS connection libcurl made, read from OpenSSL: libcurl's own CURLINFO_CERTINFO
// gives the dates as text in OpenSSL's print format and no protocol version, so the leaf certificate is read
// here, from the SSL object libcurl hands out (CURLINFO_TLS_SSL_PTR).
#include "ccurl.h"

#include <string.h>

#if defined(__linux__) && __has_include(<openssl/ssl.h>)
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

static void copy_name(X509_NAME *name, char *out, size_t size) {
    out[0] = 0;
    BIO *bio = BIO_new(BIO_s_mem());
    if (bio == NULL) return;
    X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    int length = BIO_read(bio, out, (int)size - 1);
    out[length > 0 ? length : 0] = 0;
    BIO_free(bio);
}

static long long unix_seconds(const ASN1_TIME *time) {
    struct tm parts;
    memset(&parts, 0, sizeof parts);
    if (time == NULL || ASN1_TIME_to_tm(time, &parts) != 1) return 0;
    return (long long)timegm(&parts);
}

static void append(char *out, size_t size, const char *text, size_t length) {
    size_t used = strlen(out);
    if (used > 0 && used + 2 < size) {
        strcat(out, ", ");
        used += 2;
    }
    if (used + length + 1 > size) return;
    memcpy(out + used, text, length);
    out[used + length] = 0;
}

static void copy_alt_names(X509 *certificate, char *out, size_t size) {
    out[0] = 0;
    GENERAL_NAMES *names = X509_get_ext_d2i(certificate, NID_subject_alt_name, NULL, NULL);
    if (names == NULL) return;
    for (int index = 0; index < sk_GENERAL_NAME_num(names); index++) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, index);
        if (name->type == GEN_DNS) {
            const ASN1_IA5STRING *dns = name->d.dNSName;
            append(out, size, (const char *)ASN1_STRING_get0_data(dns), (size_t)ASN1_STRING_length(dns));
        } else if (name->type == GEN_IPADD) {
            const ASN1_OCTET_STRING *ip = name->d.iPAddress;
            char text[64] = "";
            const unsigned char *bytes = ASN1_STRING_get0_data(ip);
            if (ASN1_STRING_length(ip) == 4) {
                snprintf(text, sizeof text, "%u.%u.%u.%u", bytes[0], bytes[1], bytes[2], bytes[3]);
            } else if (ASN1_STRING_length(ip) == 16) {
                for (int part = 0; part < 8; part++) {
                    char group[8];
                    snprintf(group, sizeof group, part == 0 ? "%x" : ":%x", (bytes[2 * part] << 8) | bytes[2 * part + 1]);
                    strcat(text, group);
                }
            }
            append(out, size, text, strlen(text));
        }
    }
    GENERAL_NAMES_free(names);
}

// The SSL object of the handle's connection: libcurl hands it out while a transfer holds the connection
// (CURLINFO_TLS_SSL_PTR gives NULL internals after a CURLOPT_CONNECT_ONLY transfer, which lets it go).
static int peer_certificate(CURL *handle, ccurl_certificate *out) {
    memset(out, 0, sizeof *out);
    struct curl_tlssessioninfo *session = NULL;
    if (curl_easy_getinfo(handle, CURLINFO_TLS_SSL_PTR, &session) != CURLE_OK || session == NULL) return 0;
    if (session->backend != CURLSSLBACKEND_OPENSSL || session->internals == NULL) return 0;
    SSL *ssl = session->internals;
    X509 *certificate = SSL_get1_peer_certificate(ssl);
    if (certificate == NULL) return 0;
    snprintf(out->protocol, sizeof out->protocol, "%s", SSL_get_version(ssl));
    copy_name(X509_get_subject_name(certificate), out->subject, sizeof out->subject);
    copy_name(X509_get_issuer_name(certificate), out->issuer, sizeof out->issuer);
    copy_alt_names(certificate, out->alt_names, sizeof out->alt_names);
    out->not_before = unix_seconds(X509_get0_notBefore(certificate));
    out->not_after = unix_seconds(X509_get0_notAfter(certificate));
    X509_free(certificate);
    return 1;
}

#else
static int peer_certificate(CURL *handle, ccurl_certificate *out) {
    (void)handle;
    memset(out, 0, sizeof *out);
    return 0;
}
#endif

// Called once the connection is up (TLS handshake done), before the request goes out.
static int read_then_abort(void *context, char *remote_ip, char *local_ip, int remote_port, int local_port) {
    (void)remote_ip;
    (void)local_ip;
    (void)remote_port;
    (void)local_port;
    ccurl_certificate_probe *probe = context;
    probe->found = peer_certificate(probe->handle, &probe->certificate);
    return CURL_PREREQFUNC_ABORT;
}

CURLcode ccurl_easy_probe_certificate(ccurl_certificate_probe *probe) {
    probe->found = 0;
    CURLcode code = curl_easy_setopt(probe->handle, CURLOPT_PREREQFUNCTION, read_then_abort);
    return code == CURLE_OK ? curl_easy_setopt(probe->handle, CURLOPT_PREREQDATA, probe) : code;
}
