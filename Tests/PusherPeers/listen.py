"""A Pusher WebSocket client from PyPI (`pysher`) subscribing to a channel, its auth signed by Pusher's own
server library (`pusher`), then waiting for one event. Prints, one line each, as things happen:
`subscribed SOCKET_ID`, `subscription_error DATA`, `event DATA`, `triggered ANSWER`, or `timeout WHAT`.
Exits 0 once the event came, 1 otherwise; every wait is bounded by --wait seconds.

    listen.py --port P --app-id ID --key K --secret S --channel C --event E [--trigger DATA] [--wait 10]

With --trigger, it publishes the event itself through `pusher` once subscribed (pysher and pusher, neither of
them ours, on both sides of the server under test).
"""
import argparse
import json
import logging
import sys
import threading

import pusher
import pysher
import pysher.channel


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--auth-secret", help="sign the subscription with this secret instead (a wrong one)")
    parser.add_argument("--channel", required=True)
    parser.add_argument("--event", required=True)
    parser.add_argument("--trigger", help="publish the event with this data once subscribed")
    parser.add_argument("--wait", type=float, default=10)
    arguments = parser.parse_args()
    # Only this program's own lines on its output: pysher and websocket-client log through logging.
    logging.disable(logging.CRITICAL)

    server = pusher.Pusher(
        app_id=arguments.app_id, key=arguments.key, secret=arguments.secret,
        host=arguments.host, port=arguments.port, ssl=False, timeout=5)
    signer = pusher.Pusher(app_id=arguments.app_id, key=arguments.key, secret=arguments.auth_secret or arguments.secret)
    client = pysher.Pusher(
        arguments.key, custom_host=arguments.host, port=arguments.port, secure=False, reconnect_interval=30)
    connected, subscribed, refused, received = (threading.Event() for _ in range(4))
    payload = {}

    def on_connect(data):
        connected.set()

    def say(line):
        print(line, flush=True)

    client.connection.bind("pusher:connection_established", on_connect)
    client.connect()
    if not connected.wait(arguments.wait):
        say("timeout connection_established")
        return 1
    socket_id = client.connection.socket_id
    auth = signer.authenticate(channel=arguments.channel, socket_id=socket_id)["auth"]
    # What pysher.Pusher.subscribe does, but with the channel's handlers bound before the request goes out: the
    # server's answer can come back before subscribe() returns, and pysher drops events of unknown channels.
    channel = pysher.channel.Channel(arguments.channel, client.connection)
    client.channels[arguments.channel] = channel
    channel.bind("pusher_internal:subscription_succeeded", lambda data: subscribed.set())

    def on_refused(data):
        payload["error"] = data
        refused.set()

    channel.bind("pusher:subscription_error", on_refused)

    def on_event(data):
        payload["data"] = data
        received.set()

    channel.bind(arguments.event, on_event)
    client.connection.send_event("pusher:subscribe", {"channel": arguments.channel, "auth": auth})
    for _ in range(int(arguments.wait * 10)):
        if subscribed.is_set() or refused.is_set():
            break
        subscribed.wait(0.1)
    if refused.is_set():
        say("subscription_error " + json.dumps(payload["error"]))
        client.disconnect(timeout=2)
        return 1
    if not subscribed.is_set():
        say("timeout subscription")
        client.disconnect(timeout=2)
        return 1
    say("subscribed " + socket_id)
    if arguments.trigger is not None:
        say("triggered " + json.dumps(server.trigger(arguments.channel, arguments.event, arguments.trigger)))
    if not received.wait(arguments.wait):
        say("timeout event " + arguments.event)
        client.disconnect(timeout=2)
        return 1
    say("event " + payload["data"])
    client.disconnect(timeout=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
