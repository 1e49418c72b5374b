//! EventSub WebSocket: the memory of an idle machine holding 900 enabled
//! subscriptions over 3 sessions (the client side of the scale run).
//!
//! `cargo bench -p twitchapi-core --bench eventsub_memory` prints the bytes
//! the machine holds on the heap (counted by dhat's allocator), per subscription.

use twitchapi_core::eventsub::ws::{EventSubWs, Transmit, WsConfig};
use twitchapi_core::helix::Helix;
use twitchapi_core::Instant;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

const SUBSCRIPTIONS: usize = 900;

fn welcome(session: &str) -> String {
    format!(
        r#"{{"metadata":{{"message_id":"w-{session}","message_type":"session_welcome","message_timestamp":"2023-07-19T14:56:51.634234626Z"}},"payload":{{"session":{{"id":"{session}","status":"connected","connected_at":"2023-07-19T14:56:51.616329898Z","keepalive_timeout_seconds":10,"reconnect_url":null,"recovery_url":null}}}}}}"#
    )
}

fn running() -> EventSubWs {
    let now = Instant::now();
    let mut ws = EventSubWs::new(
        &Helix::new("client-id-of-30-characters-xx"),
        WsConfig::default(),
    );
    for i in 0..SUBSCRIPTIONS {
        let condition = serde_json::json!({"broadcaster_user_id": "141981764", "reward_id": format!("reward-{i}")});
        ws.listen(
            "channel.channel_points_custom_reward_redemption.add",
            "1",
            condition,
            now,
        )
        .unwrap();
    }
    let mut created = 0;
    let mut sessions = 0;
    while let Some(t) = ws.poll_transmit() {
        match t {
            Transmit::Connect { socket, .. } => {
                sessions += 1;
                ws.handle_connected(socket, now);
                ws.handle_text(socket, &welcome(&format!("session-{sessions}")), now);
            }
            Transmit::Helix { id, .. } => {
                created += 1;
                let body = format!(
                    r#"{{"data":[{{"id":"{:08x}-0000-4000-8000-000000000000","status":"enabled","type":"channel.channel_points_custom_reward_redemption.add","version":"1","condition":{{}},"created_at":"2023-07-19T14:56:51Z","cost":0}}],"total":{created},"total_cost":0,"max_total_cost":10}}"#,
                    created
                );
                let response = http::Response::builder()
                    .status(202)
                    .body(body.into_bytes())
                    .unwrap();
                ws.handle_response(id, response, now);
            }
            _ => {}
        }
    }
    while ws.poll_event().is_some() {}
    assert_eq!((sessions, created), (3, SUBSCRIPTIONS));
    ws
}

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let before = dhat::HeapStats::get();
    let ws = running();
    let after = dhat::HeapStats::get();
    assert_eq!(ws.connections(), 3);
    let heap = after.curr_bytes - before.curr_bytes;
    let own = std::mem::size_of::<EventSubWs>();
    println!(
        "idle EventSub WebSocket machine, {SUBSCRIPTIONS} enabled subscriptions over 3 sessions: {} bytes, {:.0} bytes per subscription",
        heap + own,
        (heap + own) as f64 / SUBSCRIPTIONS as f64
    );
    drop(ws);
}
