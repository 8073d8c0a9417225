// The reference the load engine is measured against (issue 5): a plain C loop over curl_multi_perform,
// N reused easy handles, each removed and re-added per request, CURLOPT_NOSIGNAL set, SIGPIPE ignored.
// It shows what libcurl itself costs per request; scripts/bench-vs-peers.sh builds and runs it.
//   usage: bench-curl-loop URL REQUESTS CONCURRENCY KEEPALIVE(0|1)
// Prints "Complete requests: N" and "Requests per second: R" in ab's words.
#include <curl/curl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static size_t discard(char *data, size_t size, size_t count, void *context) {
    (void)data;
    (void)context;
    return size * count;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: %s URL REQUESTS CONCURRENCY KEEPALIVE\n", argv[0]);
        return 2;
    }
    long total = atol(argv[2]), started = 0, done = 0;
    int concurrency = atoi(argv[3]), keepalive = atoi(argv[4]);
    signal(SIGPIPE, SIG_IGN);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURLM *multi = curl_multi_init();
    struct timespec begin, end;
    clock_gettime(CLOCK_MONOTONIC, &begin);
    for (int i = 0; i < concurrency && started < total; i++, started++) {
        CURL *easy = curl_easy_init();
        curl_easy_setopt(easy, CURLOPT_URL, argv[1]);
        curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, discard);
        curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
        if (!keepalive) {
            curl_easy_setopt(easy, CURLOPT_FRESH_CONNECT, 1L);
            curl_easy_setopt(easy, CURLOPT_FORBID_REUSE, 1L);
        }
        curl_multi_add_handle(multi, easy);
    }
    while (done < total) {
        int running, queued;
        curl_multi_poll(multi, NULL, 0, 100, NULL);
        curl_multi_perform(multi, &running);
        CURLMsg *message;
        while ((message = curl_multi_info_read(multi, &queued))) {
            if (message->msg != CURLMSG_DONE) continue;
            CURL *easy = message->easy_handle;
            done++;
            curl_multi_remove_handle(multi, easy);
            if (started < total) {
                curl_multi_add_handle(multi, easy);
                started++;
            }
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - begin.tv_sec) + (end.tv_nsec - begin.tv_nsec) / 1e9;
    printf("Complete requests:      %ld\nRequests per second:    %.2f [#/sec] (mean)\n", done, done / seconds);
    return 0;
}
