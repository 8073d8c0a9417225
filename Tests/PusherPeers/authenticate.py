"""Signs a channel subscription with Pusher's own server library (`pusher` on PyPI), as a Laravel site's
/broadcasting/auth does; prints the library's answer as one JSON line ({"auth": "KEY:HEXSIG"[, "channel_data"]}).

    authenticate.py --key K --secret S --socket-id 123.456 --channel private-admins [--user-id 1 --user-info JSON]
"""
import argparse
import json

import pusher


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app-id", default="1")
    parser.add_argument("--key", required=True)
    parser.add_argument("--secret", required=True)
    parser.add_argument("--socket-id", required=True)
    parser.add_argument("--channel", required=True)
    parser.add_argument("--user-id", help="for a presence channel")
    parser.add_argument("--user-info", default="{}", help="JSON, for a presence channel")
    arguments = parser.parse_args()
    client = pusher.Pusher(app_id=arguments.app_id, key=arguments.key, secret=arguments.secret)
    custom = None
    if arguments.user_id is not None:
        custom = {"user_id": arguments.user_id, "user_info": json.loads(arguments.user_info)}
    print(json.dumps(client.authenticate(channel=arguments.channel, socket_id=arguments.socket_id, custom_data=custom)))


if __name__ == "__main__":
    main()
