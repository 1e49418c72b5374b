//! PubSub: a channel-points MESSAGE frame (Twitch's real frame) through the
//! machine to a typed event.
//!
//! `cargo bench -p twitchapi-core --bench pubsub`; the seed's path for the
//! same frame is `python3 core/benches/pubsub_seed.py`. Beside the figure:
//! the clone of the decoded event (what any decoder of that owned model pays
//! at least) and the frame read and the message decoded separately.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use twitchapi_core::pubsub::{ConnId, Event, PubSub, PubSubConfig, Topic, Transmit};
use twitchapi_core::{AuthScope, Instant, Secret};

fn frame() -> String {
    let vector: serde_json::Value = serde_json::from_str(include_str!(
        "../tests/vectors/pubsub/channel-points-channel-v1.json"
    ))
    .unwrap();
    vector["messages"][0]["frame"].to_string()
}

/// The frame's `data.message`, unescaped.
fn unescaped(frame: &str) -> String {
    let frame: serde_json::Value = serde_json::from_str(frame).unwrap();
    frame["data"]["message"].as_str().unwrap().to_owned()
}

/// A session listening to `topics` channel-points topics, confirmed.
fn listening(topics: u32) -> PubSub {
    let now = Instant::now();
    let mut p = PubSub::new(PubSubConfig::default());
    p.set_token(
        Secret::new("token"),
        vec![AuthScope::ChannelReadRedemptions],
        now,
    );
    p.start(now).unwrap();
    for i in 0..topics {
        let id = if i == 0 { 27620241 } else { i };
        p.listen(
            Topic::ChannelPoints {
                channel_id: id.to_string(),
            },
            now,
        )
        .unwrap();
    }
    p.handle_connected(ConnId::default(), now);
    while let Some(t) = p.poll_transmit() {
        if let Transmit::Text(conn, text) = t {
            let nonce = serde_json::from_str::<serde_json::Value>(&text).unwrap()["nonce"].clone();
            let answer = serde_json::json!({"type": "RESPONSE", "nonce": nonce, "error": ""});
            p.handle_text(conn, &answer.to_string(), now);
        }
    }
    while p.poll_event().is_some() {}
    p
}

fn bench(c: &mut Criterion) {
    let frame = frame();
    let mut p = listening(1);
    let now = Instant::now();
    let mut group = c.benchmark_group("pubsub");
    group.throughput(Throughput::Elements(1));
    group.bench_function("channel-points MESSAGE frame to a typed event", |b| {
        b.iter(|| {
            p.handle_text(ConnId::default(), black_box(&frame), now);
            match p.poll_event() {
                Some(Event::Message { message, .. }) => black_box(message),
                other => panic!("{other:?}"),
            }
        })
    });
    // For reading the figure above: a floor (building the same owned event
    // from anything costs at least its clone, the same allocations and
    // copies) and the figure's two halves, each done with serde_json alone.
    p.handle_text(ConnId::default(), &frame, now);
    let message = match p.poll_event() {
        Some(Event::Message { message, .. }) => message,
        other => panic!("{other:?}"),
    };
    group.bench_function("floor: clone of the typed event", |b| {
        b.iter(|| black_box(&message).clone())
    });
    // The least any serde_json decoder of this frame does: read every byte of
    // the frame and of its message once, building nothing (IgnoredAny).
    let inner = unescaped(&frame);
    group.bench_function(
        "floor: serde_json reading the frame and its message, building nothing",
        |b| {
            b.iter(|| {
                let outer: serde::de::IgnoredAny = serde_json::from_str(black_box(&frame)).unwrap();
                let message: serde::de::IgnoredAny =
                    serde_json::from_str(black_box(&inner)).unwrap();
                (outer, message)
            })
        },
    );
    group.bench_function(
        "part: the frame read, data.message unescaped (serde_json::Value)",
        |b| b.iter(|| unescaped(black_box(&frame))),
    );
    group.bench_function("part: data.message decoded to the typed event", |b| {
        b.iter(|| {
            twitchapi_core::pubsub::messages::decode(
                "channel-points-channel-v1.27620241",
                black_box(&inner),
            )
        })
    });
    group.finish();
    // an idle session with 50 confirmed topics stays buildable and quiet
    let mut idle = listening(50);
    assert_eq!(idle.topics().len(), 50);
    assert!(idle.poll_transmit().is_none());
}

criterion_group!(benches, bench);
criterion_main!(benches);
