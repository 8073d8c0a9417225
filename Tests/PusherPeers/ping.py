"""A plain WebSocket client (`websocket-client`, from PyPI, which pysher uses) speaking Pusher's protocol by hand:
reads the first message, then sends pusher:ping and reads the answer. Prints each message received, one JSON
line each, then `close CODE` if the server closed; every read is bounded by --wait seconds.

    ping.py --port P --key K [--wait 5]
"""
import argparse
import json

import websocket


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--app-id", help="unused; accepted like the other peers")
    parser.add_argument("--key", required=True)
    parser.add_argument("--wait", type=float, default=5)
    arguments = parser.parse_args()
    url = "ws://{}:{}/app/{}?protocol=7&client=ping.py&version=1".format(arguments.host, arguments.port, arguments.key)
    socket = websocket.create_connection(url, timeout=arguments.wait)
    first = socket.recv()
    print(first, flush=True)
    if json.loads(first)["event"] == "pusher:error":
        opcode, frame = socket.recv_data(control_frame=True)
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            print("close", int.from_bytes(frame[:2], "big"), flush=True)
        return
    socket.send(json.dumps({"event": "pusher:ping", "data": {}}))
    print(socket.recv(), flush=True)
    socket.close()


if __name__ == "__main__":
    main()
