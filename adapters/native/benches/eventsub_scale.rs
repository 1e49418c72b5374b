//! EventSub over WebSockets at scale: 100,000 notifications from the mock
//! over 3 connections through the native client.
//!
//! The client subscribes 900 channel-point redemption subscriptions (one per
//! reward id, so they are distinct and cost nothing: the broadcaster is the
//! token's user); the mock's limit of 300 per connection makes the client
//! open its second and third connection itself. The mock then triggers the
//! redemption type until 100,000 notifications went out (each trigger reaches
//! every subscription). Prints notifications per second, whether any was
//! lost or handed out twice, and the resident memory per subscription
//! (client and mock in one process: an upper bound for the client).
//!
//! `cargo bench -p twitchapi --bench eventsub_scale`
//! (`EVENTSUB_SCALE_N=20000` for a shorter run).

use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use twitchapi::core::eventsub::types::ChannelChannelPointsCustomRewardRedemptionAddV1Condition as Redemption;
use twitchapi::core::eventsub::ws::WsConfig;
use twitchapi::eventsub::EventSubWebSocket;
use twitchapi::{AuthScope, Twitch};
use twitchapi_mock::MockServer;

const TYPE: &str = "channel.channel_points_custom_reward_redemption.add";
const SUBSCRIPTIONS: usize = 900;

/// Resident memory of this process in KiB (Linux).
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let total: u64 = std::env::var("EVENTSUB_SCALE_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let mock = MockServer::start().await.expect("mock starts");
    let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .build()
        .expect("client");
    let issued = mock.issue_user_token("141981764", &["channel:read:redemptions"]);
    twitch
        .set_user_authentication(
            issued.access_token,
            vec![AuthScope::ChannelReadRedemptions],
            issued.refresh_token,
        )
        .expect("user token");
    let mut config = WsConfig::default();
    config.url = mock.eventsub_ws_url();
    let client = EventSubWebSocket::with_config(&twitch, config);

    let count = Arc::new(AtomicU64::new(0));
    let seen: Arc<Mutex<HashSet<(String, String)>>> = Arc::default();
    let repeats = Arc::new(AtomicU64::new(0));
    let before = rss_kib();
    let mut listening = Vec::new();
    for i in 0..SUBSCRIPTIONS {
        let mut condition = Redemption::new("141981764");
        condition.reward_id = Some(format!("reward-{i}"));
        let (count, seen, repeats) = (count.clone(), seen.clone(), repeats.clone());
        let client = client.clone();
        listening.push(tokio::spawn(async move {
            client
                .listen(condition, move |n| {
                    count.fetch_add(1, Ordering::Relaxed);
                    let key = (n.message_id.clone(), n.subscription_id.clone());
                    if !seen.lock().unwrap().insert(key) {
                        repeats.fetch_add(1, Ordering::Relaxed);
                    }
                })
                .await
                .expect("subscribed")
        }));
    }
    for task in listening {
        task.await.expect("listen task");
    }
    let after = rss_kib();
    println!(
        "subscriptions: {SUBSCRIPTIONS} over {} connections; resident memory {:.2} KiB per subscription (client and mock)",
        client.connections(),
        after.saturating_sub(before) as f64 / SUBSCRIPTIONS as f64
    );

    let triggers = total.div_ceil(SUBSCRIPTIONS as u64);
    let expected = triggers * SUBSCRIPTIONS as u64;
    let started = Instant::now();
    for _ in 0..triggers {
        let reached = mock.eventsub_trigger(TYPE, "1").await;
        assert_eq!(reached, SUBSCRIPTIONS, "every subscription is reached");
    }
    let deadline = Instant::now() + Duration::from_secs(300);
    while count.load(Ordering::Relaxed) < expected && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let elapsed = started.elapsed();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let received = count.load(Ordering::Relaxed);
    println!(
        "notifications: {received} of {expected} in {:.2} s: {:.0}/s; lost {}, handed out twice {}; resident memory {} KiB",
        elapsed.as_secs_f64(),
        received as f64 / elapsed.as_secs_f64(),
        expected.saturating_sub(received),
        repeats.load(Ordering::Relaxed),
        rss_kib()
    );
    client.stop().await;
    assert_eq!(received, expected, "none lost, none repeated");
    mock.shutdown().await;
}
