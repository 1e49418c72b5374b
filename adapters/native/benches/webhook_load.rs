//! Verified webhook notifications per second through the native callback
//! server on loopback, under concurrent load, and the memory over the run.
//!
//! The mock hub verifies one stream subscription; then a load generator in
//! this process (hyper HTTP/1.1 clients, one keep-alive connection each)
//! posts signed notifications, every one with its own
//! `Twitch-Notification-Id`, and checks each answer is 200. Prints the rate,
//! latency percentiles, the callbacks counted, and the resident memory every
//! 10 % of the run (the repeat-check memory is bounded, so it stays flat).
//!
//! `cargo bench -p twitchapi --bench webhook_load`
//! (`WEBHOOK_LOAD_N=100000` for a shorter run, `WEBHOOK_LOAD_CONNECTIONS=32`).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use twitchapi::core::webhook::sign;
use twitchapi::{AuthScope, Twitch, TwitchWebHook};
use twitchapi_mock::MockServer;

const BODY: &str = r#"{"data":[{"id":"40078987165","user_id":"141981764","user_login":"twitchdev","user_name":"TwitchDev","game_id":"509670","game_name":"Science & Technology","type":"live","title":"TwitchDev Monthly Update // May 6, 2021","viewer_count":1024,"started_at":"2021-05-06T18:00:00Z","language":"en","thumbnail_url":"https://static-cdn.jtvnw.net/previews-ttv/live_user_twitchdev-{width}x{height}.jpg","tag_ids":["6ea6bca4-4712-4ab9-a906-e3336a9d8039"]}]}"#;

const BUCKET_MICROS: usize = 5;
const BUCKETS: usize = 20_000;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

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
    let total = env("WEBHOOK_LOAD_N", 1_000_000);
    let connections = env("WEBHOOK_LOAD_CONNECTIONS", 32);
    let mock = MockServer::start().await.expect("mock starts");
    let twitch = Twitch::builder(mock.client_id(), mock.client_secret())
        .helix_url(mock.helix_url())
        .auth_url(mock.auth_url())
        .build()
        .expect("client");
    let issued = mock.issue_user_token("141981764", &["user:read:email"]);
    twitch
        .set_user_authentication(
            issued.access_token,
            vec![AuthScope::UserReadEmail],
            issued.refresh_token,
        )
        .expect("user token");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut hook = TwitchWebHook::new(format!("http://127.0.0.1:{port}"), twitch.app_id(), port);
    hook.subscribe_least_seconds = 864_000;
    hook.authenticate(&twitch).unwrap();
    hook.start().await.unwrap();
    let delivered = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&delivered);
    let uuid = hook
        .subscribe_stream_changed("141981764", move |_, _| {
            counter.fetch_add(1, Ordering::Relaxed);
        })
        .await
        .expect("subscribed");
    let path = format!("/streams?uuid={uuid}");
    let signature = sign(&hook.secret, BODY.as_bytes());
    let body = Bytes::from_static(BODY.as_bytes());

    let next = Arc::new(AtomicU64::new(0));
    let rss_start = rss_kib();
    let started = Instant::now();
    let mut workers = Vec::new();
    for _ in 0..connections {
        let next = Arc::clone(&next);
        let (path, signature, body) = (path.clone(), signature.clone(), body.clone());
        workers.push(tokio::spawn(async move {
            let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .unwrap();
            stream.set_nodelay(true).unwrap();
            let (mut sender, conn) =
                hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
                    .await
                    .unwrap();
            tokio::spawn(conn);
            // a histogram of 5 µs buckets up to 100 ms, so that the generator's
            // own memory does not grow with the run
            let mut latencies = vec![0u32; BUCKETS];
            let mut memory = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= total as u64 {
                    break;
                }
                if n % (total as u64 / 10).max(1) == 0 {
                    memory.push((n, rss_kib()));
                }
                let request = http::Request::post(path.as_str())
                    .header("host", "127.0.0.1")
                    .header("content-type", "application/json")
                    .header("twitch-notification-id", format!("n-{n}"))
                    .header("x-hub-signature", signature.as_str())
                    .body(Full::new(body.clone()))
                    .unwrap();
                let sent = Instant::now();
                sender.ready().await.unwrap();
                let answer = sender.send_request(request).await.unwrap();
                let status = answer.status();
                let _ = answer.into_body().collect().await;
                let micros = sent.elapsed().as_micros() as usize;
                latencies[(micros / BUCKET_MICROS).min(BUCKETS - 1)] += 1;
                assert_eq!(status, 200, "notification {n}");
            }
            (latencies, memory)
        }));
    }
    let mut latencies = vec![0u64; BUCKETS];
    let mut memory = Vec::new();
    for worker in workers {
        let (l, m) = worker.await.unwrap();
        for (sum, count) in latencies.iter_mut().zip(l) {
            *sum += u64::from(count);
        }
        memory.extend(m);
    }
    let elapsed = started.elapsed();
    // callbacks run right after each answer; give the last ones a moment
    for _ in 0..100 {
        if delivered.load(Ordering::Relaxed) == total as u64 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    memory.sort_unstable();
    let counted: u64 = latencies.iter().sum();
    // the upper edge of the bucket holding the p-th share of the answers
    let pct = |p: f64| {
        let want = (counted as f64 * p).ceil() as u64;
        let mut seen = 0;
        for (i, count) in latencies.iter().enumerate() {
            seen += count;
            if seen >= want {
                return (i + 1) * BUCKET_MICROS;
            }
        }
        BUCKETS * BUCKET_MICROS
    };
    let max = latencies
        .iter()
        .rposition(|&c| c > 0)
        .map_or(0, |i| (i + 1) * BUCKET_MICROS);
    println!(
        "{total} verified notifications over {connections} connections in {:.2} s: {:.0} per second",
        elapsed.as_secs_f64(),
        total as f64 / elapsed.as_secs_f64()
    );
    println!(
        "latency: p50 {} µs, p99 {} µs, p99.9 {} µs, max {} µs (5 µs buckets, 100 ms the last)",
        pct(0.50),
        pct(0.99),
        pct(0.999),
        max
    );
    println!(
        "callbacks run: {} of {total}",
        delivered.load(Ordering::Relaxed)
    );
    let rss_end = rss_kib();
    let samples: Vec<String> = memory
        .iter()
        .map(|(n, kib)| format!("{n}: {} KiB", kib))
        .collect();
    println!(
        "resident memory: {rss_start} KiB before, {rss_end} KiB after; during: {}",
        samples.join(", ")
    );
    hook.stop().await.unwrap();
}
