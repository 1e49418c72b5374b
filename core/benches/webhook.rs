//! Webhook: signed notifications through the machine (HMAC-SHA256 check,
//! repeat check, payload decode) to an event.
//!
//! `cargo bench -p twitchapi-core --bench webhook`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use twitchapi_core::helix::Helix;
use twitchapi_core::webhook::{sign, Event, WebHook, WebHookConfig, WebhookTopic};
use twitchapi_core::{Instant, Secret};

/// A stream-changed notification as Twitch sent them (Get Streams' shape).
const BODY: &str = r#"{"data":[{"id":"40078987165","user_id":"141981764","user_login":"twitchdev","user_name":"TwitchDev","game_id":"509670","game_name":"Science & Technology","type":"live","title":"TwitchDev Monthly Update // May 6, 2021","viewer_count":1024,"started_at":"2021-05-06T18:00:00Z","language":"en","thumbnail_url":"https://static-cdn.jtvnw.net/previews-ttv/live_user_twitchdev-{width}x{height}.jpg","tag_ids":["6ea6bca4-4712-4ab9-a906-e3336a9d8039"]}]}"#;

fn subscribed() -> (WebHook, uuid::Uuid) {
    let now = Instant::now();
    let mut hook = WebHook::new(
        &Helix::new("cid"),
        WebHookConfig::new("https://hooks.example.com"),
        Secret::new("bench-secret"),
        1,
    );
    hook.start(now).unwrap();
    let uuid = hook
        .subscribe(
            WebhookTopic::StreamChanged {
                user_id: "141981764".into(),
            },
            now,
        )
        .unwrap();
    let _ = hook.poll_transmit().unwrap();
    let topic: String = url::form_urlencoded::byte_serialize(
        b"https://api.twitch.tv/helix/streams?user_id=141981764",
    )
    .collect();
    let uri = format!(
        "/streams?uuid={uuid}&hub.mode=subscribe&hub.topic={topic}&hub.lease_seconds=864000&hub.challenge=c"
    );
    let answer = hook.handle_request(http::Request::get(uri).body(Vec::new()).unwrap(), now);
    assert_eq!(answer.status(), 200);
    while hook.poll_event().is_some() {}
    (hook, uuid)
}

fn bench(c: &mut Criterion) {
    let (mut hook, uuid) = subscribed();
    let secret = Secret::new("bench-secret");
    let signature = sign(&secret, BODY.as_bytes());
    let now = Instant::now();
    let mut n = 0u64;
    let mut group = c.benchmark_group("webhook");
    group.throughput(Throughput::Elements(1));
    group.bench_function("verified stream notification to an event", |b| {
        b.iter(|| {
            n += 1;
            let request = http::Request::post(format!("/streams?uuid={uuid}"))
                .header("Twitch-Notification-Id", n.to_string())
                .header("X-Hub-Signature", &signature)
                .body(BODY.as_bytes().to_vec())
                .unwrap();
            let answer = hook.handle_request(black_box(request), now);
            assert_eq!(answer.status(), 200);
            match hook.poll_event() {
                Some(Event::Notification { data, .. }) => black_box(data),
                other => panic!("{other:?}"),
            }
        })
    });
    group.bench_function("HMAC-SHA256 check alone", |b| {
        b.iter(|| {
            twitchapi_core::webhook::verify(
                &secret,
                black_box(BODY.as_bytes()),
                Some(signature.as_bytes()),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
