//! PubSub: the memory of one idle session with 50 confirmed topics.
//!
//! `cargo bench -p twitchapi-core --bench pubsub_memory` prints the bytes the
//! session holds on the heap (counted by dhat's allocator) plus its own size.

use twitchapi_core::pubsub::{ConnId, PubSub, PubSubConfig, Topic, Transmit};
use twitchapi_core::{AuthScope, Instant, Secret};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// A session listening to `topics` channel-points topics, every LISTEN confirmed.
fn listening(topics: u32) -> PubSub {
    let now = Instant::now();
    let mut p = PubSub::new(PubSubConfig::default());
    p.set_token(
        Secret::new("a-user-access-token-of-30-chars"),
        vec![AuthScope::ChannelReadRedemptions],
        now,
    );
    p.start(now).unwrap();
    for i in 0..topics {
        p.listen(
            Topic::ChannelPoints {
                channel_id: (100_000_000 + i).to_string(),
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

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let before = dhat::HeapStats::get();
    let session = listening(50);
    let after = dhat::HeapStats::get();
    assert_eq!(session.topics().len(), 50);
    let heap = after.curr_bytes - before.curr_bytes;
    let blocks = after.curr_blocks - before.curr_blocks;
    let own = std::mem::size_of::<PubSub>();
    println!(
        "idle PubSub session, 50 confirmed topics: {} bytes ({heap} on the heap in {blocks} blocks + {own} inline), {:.0} bytes per topic",
        heap + own,
        (heap + own) as f64 / 50.0
    );
    drop(session);
}
