//! Property test: whatever Twitch (or something posing as it) answers, the
//! session neither panics nor loses a call: every call ends with an event.

use super::*;
use crate::helix::clips::CreateClip;
use crate::helix::users::GetUsers;
use crate::machine::Rng;
use crate::testing::{drive, Answer};

fn pick<'a>(rng: &mut Rng, items: &[&'a str]) -> &'a str {
    items[(rng.next_u64() % items.len() as u64) as usize]
}

fn garbage_answer(rng: &mut Rng) -> Answer {
    if rng.next_u64() % 10 == 0 {
        return Err(Error::Transport("reset".into()));
    }
    let statuses = [
        200, 202, 204, 400, 401, 403, 404, 429, 500, 502, 503, 599, 100, 302,
    ];
    let status = statuses[(rng.next_u64() % statuses.len() as u64) as usize];
    let numbers = [
        "0",
        "1",
        "-1",
        "800",
        "18446744073709551615",
        "99999999999999999999",
        "abc",
        "",
        " 7 ",
        "4294967295",
        "1700000003",
    ];
    let dates = [
        "Tue, 14 Nov 2023 22:13:20 GMT",
        "yesterday",
        "",
        "Thu, 01 Jan 1970 00:00:00 GMT",
        "Fri, 31 Dec 9999 23:59:59 GMT",
    ];
    let bodies = [
        r#"{"data":[]}"#,
        r#"{"access_token":"a","refresh_token":"r","expires_in":18446744073709551615}"#,
        r#"{"access_token":"a","expires_in":-5}"#,
        r#"{"status":401,"message":"Missing scope: bits:read"}"#,
        r#"{"status":400,"message":"Invalid refresh token"}"#,
        r#"{"message":"Invalid OAuth token"}"#,
        "{\"dat",
        "\u{0}\u{ff}",
        "[]",
        "null",
        "",
    ];
    let mut builder = http::Response::builder().status(status);
    if rng.next_u64() % 2 == 0 {
        builder = builder
            .header("Ratelimit-Limit", pick(rng, &numbers))
            .header("Ratelimit-Remaining", pick(rng, &numbers))
            .header("Ratelimit-Reset", pick(rng, &numbers));
    }
    if rng.next_u64() % 2 == 0 {
        builder = builder.header("Date", pick(rng, &dates));
    }
    let mut body = pick(rng, &bodies).as_bytes().to_vec();
    if rng.next_u64() % 8 == 0 {
        body = (0..(rng.next_u64() % 64))
            .map(|_| rng.next_u64() as u8)
            .collect();
    }
    Ok(builder.body(body).unwrap())
}

#[test]
fn garbage_answers_never_panic_and_every_call_ends() {
    let mut rng = Rng::new(0x5eed);
    for round in 0..300 {
        let mut clock = VirtualClock::new();
        let mut s = with_tokens(&clock);
        if round % 3 == 0 {
            clock.advance(Duration::from_secs(2000)); // the user token expired
        }
        let mut peer = FakePeer::new();
        let mut calls = Vec::new();
        for _ in 0..5 {
            let call = if rng.next_u64() % 2 == 0 {
                s.start(&GetUsers::default(), clock.now())
            } else {
                s.start(&CreateClip::new("1"), clock.now())
            };
            if let Ok(call) = call {
                calls.push(call);
            }
        }
        // answer every transmit with garbage until the session is idle
        for _ in 0..200 {
            while let Some(t) = s.poll_transmit() {
                let now = clock.now();
                match garbage_answer(&mut rng) {
                    Ok(response) => s.handle_response(t.id, response, now),
                    Err(e) => s.handle_transport_error(t.id, e, now),
                }
            }
            match s.poll_timeout() {
                Some(at) => {
                    clock.set(at);
                    s.handle_timeout(clock.now());
                }
                None => break,
            }
        }
        drive(&mut s, &mut peer, &mut clock);
        let events = events(&mut s);
        for call in calls {
            assert!(
                outcomes(&events).iter().any(|(c, _)| *c == call),
                "round {round}: call {call:?} never ended"
            );
        }
        assert_eq!(s.calls_in_progress(), 0, "round {round}");
    }
}
