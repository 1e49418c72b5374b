//! Helix request building and response parsing.
//!
//! `cargo bench -p twitchapi-core`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use twitchapi_core::helix::{streams::GetStreams, Helix};
use twitchapi_core::Secret;

/// A Get Streams page of 100 items: Twitch's documented example item, replicated.
fn streams_page() -> Vec<u8> {
    let vector: serde_json::Value =
        serde_json::from_str(include_str!("../tests/vectors/helix/get-streams.json")).unwrap();
    let item = vector["examples"][0]["response_body"]["data"][0].clone();
    let data: Vec<serde_json::Value> = (0..100)
        .map(|i| {
            let mut item = item.clone();
            item["id"] = serde_json::Value::String(format!("{}", 40952121085u64 + i));
            item
        })
        .collect();
    serde_json::to_vec(&serde_json::json!({
        "data": data,
        "pagination": {"cursor": "eyJiIjp7IkN1cnNvciI6ImV5SnpJam8zT0RNMk5TNDBORFF4TlRjMU1UY3hOU3dpWkNJNlptRnNjMlVzSW5RaU9uUnlkV1Y5In0sImEiOnsiQ3Vyc29yIjoiZXlKeklqb3hOVGs1T0M0ek5EWXlNelE0TmpNMk1Dd2laQ0k2Wm1Gc2MyVXNJblFpT25SeWRXVjkifX0"}
    }))
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let helix = Helix::new("uo6dggojyb8d6soh92zknwmi5ej1q2");
    let token = Secret::new("cfabdegwdoklmawdzdo98xt2fo512y");
    let request = GetStreams {
        first: Some(100),
        game_id: vec!["33214".into(), "509658".into()],
        language: vec!["en".into()],
        ..Default::default()
    };
    c.bench_function("build get_streams request", |b| {
        b.iter(|| helix.build_request(black_box(&request), &token).unwrap())
    });

    let body = streams_page();
    let response = http::Response::builder()
        .status(200)
        .header("Ratelimit-Limit", "800")
        .header("Ratelimit-Remaining", "799")
        .header("Ratelimit-Reset", "1700000000")
        .body(body.clone())
        .unwrap();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("get_streams page of 100", |b| {
        b.iter(|| {
            let parsed = helix
                .parse_response::<GetStreams, _>(black_box(&response))
                .unwrap();
            assert_eq!(parsed.data.len(), 100);
            parsed
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
