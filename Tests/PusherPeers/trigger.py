"""Publishes one event through Pusher's own server library (`pusher` on PyPI), over the signed HTTP events API,
as Laravel's pusher broadcaster does. Prints one JSON line: {"ok": true, "answer": ...} or
{"ok": false, "error": CLASS, "message": TEXT}; exits 0 either way (the caller judges), 2 on usage errors.

    trigger.py --port P --app-id ID --key K --secret S --channel C [--channel C2] --event E --data TEXT [--batch]
"""
import argparse
import json
import sys

import pusher


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--channel", action="append", required=True)
    parser.add_argument("--event", required=True)
    parser.add_argument("--data", required=True, help="the event's data, sent as this string")
    parser.add_argument("--batch", action="store_true", help="use /batch_events, one event per channel")
    arguments = parser.parse_args()
    client = pusher.Pusher(
        app_id=arguments.app_id, key=arguments.key, secret=arguments.secret,
        host=arguments.host, port=arguments.port, ssl=False, timeout=5)
    try:
        if arguments.batch:
            answer = client.trigger_batch(
                [{"channel": channel, "name": arguments.event, "data": arguments.data} for channel in arguments.channel])
        else:
            answer = client.trigger(arguments.channel, arguments.event, arguments.data)
        print(json.dumps({"ok": True, "answer": answer}), flush=True)
    except Exception as error:  # the library's PusherBadAuth, PusherBadRequest, … are what the test looks at
        print(json.dumps({"ok": False, "error": type(error).__name__, "message": str(error)}), flush=True)


if __name__ == "__main__":
    sys.exit(main())
