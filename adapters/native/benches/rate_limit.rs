//! P4: calls through the native client against the mock's rate limit.
//!
//! 2,000 `get_streams` calls (20 at a time) against a bucket of 100 points
//! that refills over 10 s. Prints the number of 429 answers (every 429 makes
//! the client send that call once more, so it is requests sent minus calls)
//! and the throughput as a share of the refill rate, not counting the 100
//! points the bucket starts with. It runs for about three minutes.
//!
//! `cargo bench -p twitchapi --bench rate_limit` (`P4_CALLS=500` for a shorter run)

use std::time::{Duration, Instant};

use futures::StreamExt;
use twitchapi::helix::streams::GetStreams;
use twitchapi::Twitch;
use twitchapi_mock::{MockConfig, MockServer};

const BUCKET: u32 = 100;
const REFILL: Duration = Duration::from_secs(10);
const CONCURRENCY: usize = 20;

#[tokio::main]
async fn main() {
    // RUST_LOG=twitchapi=warn shows each 429 wait as it happens
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let calls: usize = std::env::var("P4_CALLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let mock = MockServer::start_with(MockConfig {
        rate_limit_bucket: BUCKET,
        rate_limit_refill: REFILL,
        ..Default::default()
    })
    .await
    .expect("mock starts");
    let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .build()
        .expect("client");
    twitch.authenticate_app(vec![]).await.expect("app token");
    mock.clear_requests();

    let started = Instant::now();
    let failures = futures::stream::iter(0..calls)
        .map(|_| {
            let twitch = twitch.clone();
            async move {
                twitch
                    .get_streams(GetStreams {
                        first: Some(1),
                        ..Default::default()
                    })
                    .await
            }
        })
        .buffer_unordered(CONCURRENCY)
        .filter(|r| futures::future::ready(r.is_err()))
        .count()
        .await;
    let elapsed = started.elapsed();

    let sent = mock.count("GET", "/helix/streams");
    let rate = f64::from(BUCKET) / REFILL.as_secs_f64();
    let paced = calls.saturating_sub(BUCKET as usize) as f64;
    let share = paced / (elapsed.as_secs_f64() * rate);
    println!(
        "p4 calls {calls} failed {failures} requests {sent} answers_429 {}",
        sent - calls
    );
    println!(
        "p4 elapsed_s {:.1} throughput_per_s {:.2} refill_per_s {rate:.2} share_of_refill {:.1}%",
        elapsed.as_secs_f64(),
        calls as f64 / elapsed.as_secs_f64(),
        share * 100.0
    );
}
