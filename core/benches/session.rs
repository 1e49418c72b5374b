//! The Helix session's own cost per call: start -> transmit -> answer -> event,
//! with request building and answer parsing left out (the request is built
//! before the timed part, and the answer is handed back unparsed).
//!
//! `cargo bench -p twitchapi-core --bench session`

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use std::hint::black_box;
use twitchapi_core::auth::OAuth;
use twitchapi_core::helix::{
    streams::GetStreams, Auth, Event, Helix, Scopes, Session, SessionConfig,
};
use twitchapi_core::{Duration, Instant, Secret};

fn answer() -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(200)
        .header("Ratelimit-Limit", "800")
        .header("Ratelimit-Remaining", "799")
        .header("Ratelimit-Reset", "1700000060")
        .header("Date", "Tue, 14 Nov 2023 22:13:20 GMT")
        .body(br#"{"data":[]}"#.to_vec())
        .unwrap()
}

fn bench(c: &mut Criterion) {
    let helix = Helix::new("uo6dggojyb8d6soh92zknwmi5ej1q2");
    let oauth = OAuth::new("uo6dggojyb8d6soh92zknwmi5ej1q2", Some(Secret::new("s")));
    let mut config = SessionConfig::default();
    // a bucket that never runs dry in the benchmark
    config.budget = twitchapi_core::helix::Budget {
        points: u32::MAX,
        per: Duration::from_secs(1),
    };
    let mut session = Session::new(helix.clone(), oauth, config);
    let now = Instant::now();
    session.set_app_token(
        Secret::new("cfabdegwdoklmawdzdo98xt2fo512y"),
        vec![],
        None,
        now,
    );
    let endpoint = GetStreams {
        first: Some(100),
        ..Default::default()
    };
    c.bench_function(
        "session: one call start to event (build and parse excluded)",
        |b| {
            b.iter_batched(
                || (helix.build_unsigned(&endpoint).unwrap(), answer()),
                |(request, response)| {
                    let call = session
                        .start_unsigned(request, Auth::Either(Scopes::NONE), now)
                        .unwrap();
                    let transmit = session.poll_transmit().unwrap();
                    session.handle_response(transmit.id, response, now);
                    match session.poll_event() {
                        Some(Event::Answer {
                            call: done,
                            response,
                        }) => {
                            assert_eq!(done, call);
                            black_box(response)
                        }
                        other => panic!("{other:?}"),
                    }
                },
                BatchSize::SmallInput,
            )
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
