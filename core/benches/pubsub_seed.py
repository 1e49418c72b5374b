"""The seed's decoding path for a PubSub MESSAGE frame (twitchAPI 2.x parses
the frame with json.loads, then data.message with json.loads again), timed on
the same channel-points frame as `cargo bench -p twitchapi-core --bench pubsub`."""
import json
import os
import timeit

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "../tests/vectors/pubsub/channel-points-channel-v1.json")) as f:
    frame = json.dumps(json.load(f)["messages"][0]["frame"], separators=(",", ":"))


def seed_path():
    msg = json.loads(frame)
    return json.loads(msg["data"]["message"])


n = 20000
best = min(timeit.repeat(seed_path, number=n, repeat=5)) / n
print(f"seed path: {best * 1e9:.0f} ns per frame, {1 / best:.0f} frames/s")
