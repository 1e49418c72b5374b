//! 429 waits against the server's Date, and the proactive bucket.

use super::*;
use crate::helix::users::GetUsers;
use crate::testing::drive;

const DATE: u64 = 1_700_000_000;

fn http_date(unix: u64) -> String {
    httpdate::fmt_http_date(std::time::UNIX_EPOCH + Duration::from_secs(unix))
}

fn too_many(reset: u64, date: u64) -> Reply {
    Reply::json(
        429,
        r#"{"error":"Too Many Requests","status":429,"message":"Too Many Requests"}"#,
    )
    .header("Date", &http_date(date))
    .header("Ratelimit-Limit", "800")
    .header("Ratelimit-Remaining", "0")
    .header("Ratelimit-Reset", &reset.to_string())
}

#[test]
fn a_429_waits_until_the_reset_measured_against_the_answers_date() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    // the local wall clock is 100 s off; the server's Date decides
    s.set_wall_clock(clock.now(), Duration::from_secs(DATE + 100));
    let mut peer = FakePeer::new();
    peer.once("GET", USERS, too_many(DATE + 3, DATE));
    peer.on("GET", USERS, ok());
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), call), Ok(200));
    let sent = peer.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].at - sent[0].at, Duration::from_secs(3));
}

#[test]
fn without_a_date_the_wall_clock_measures_the_reset() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    s.set_wall_clock(clock.now(), Duration::from_secs(DATE));
    let mut peer = FakePeer::new();
    peer.once(
        "GET",
        USERS,
        Reply::json(429, "{}")
            .header("Ratelimit-Limit", "800")
            .header("Ratelimit-Remaining", "0")
            .header("Ratelimit-Reset", &(DATE + 5).to_string()),
    );
    peer.on("GET", USERS, ok());
    s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    let sent = peer.requests();
    assert_eq!(sent[1].at - sent[0].at, Duration::from_secs(5));
}

#[test]
fn a_lasting_429_ends_as_rate_limited_after_the_allowed_waits() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    let mut peer = FakePeer::new();
    peer.on("GET", USERS, too_many(DATE + 2, DATE));
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), call), Ok(429));
    assert_eq!(peer.requests().len(), 4, "one try and three waits");

    // a reset further away than max_rate_limit_wait is not waited for
    let mut s = with_tokens(&clock);
    peer.clear_requests();
    peer.on("GET", USERS, too_many(DATE + 61, DATE));
    let call = s.start(&GetUsers::default(), clock.now()).unwrap();
    drive(&mut s, &mut peer, &mut clock);
    assert_eq!(outcome_of(&events(&mut s), call), Ok(429));
    assert_eq!(peer.requests().len(), 1);
}

#[test]
fn the_bucket_holds_calls_at_zero_remaining_and_releases_them_at_the_reset() {
    let clock = VirtualClock::new();
    let t0 = clock.now();
    let mut s = with_tokens(&clock);
    let first = s.start(&GetUsers::default(), t0).unwrap();
    let transmit = s.poll_transmit().unwrap();
    // a one-point bucket, empty now, full again 4 s after the answer's Date
    let answer = http::Response::builder()
        .status(200)
        .header("Date", http_date(DATE))
        .header("Ratelimit-Limit", "1")
        .header("Ratelimit-Remaining", "0")
        .header("Ratelimit-Reset", (DATE + 4).to_string())
        .body(br#"{"data":[]}"#.to_vec())
        .unwrap();
    s.handle_response(transmit.id, answer, t0);
    assert_eq!(outcome_of(&events(&mut s), first), Ok(200));

    let held: Vec<_> = (0..2)
        .map(|_| s.start(&GetUsers::default(), t0).unwrap())
        .collect();
    assert!(s.poll_transmit().is_none(), "sent into an empty bucket");
    assert_eq!(s.poll_timeout(), Some(t0 + Duration::from_secs(4)));
    s.handle_timeout(t0 + Duration::from_secs(3));
    assert!(s.poll_transmit().is_none(), "released before the reset");
    s.handle_timeout(t0 + Duration::from_secs(4));
    assert!(s.poll_transmit().is_some(), "not released at the reset");
    // one point came back, so one call went; the other waits for the next
    assert!(s.poll_transmit().is_none());
    assert_eq!(s.calls_in_progress(), held.len());
}

#[test]
fn a_drained_bucket_paces_calls_instead_of_sending_into_429s() {
    let mut clock = VirtualClock::new();
    let mut s = with_tokens(&clock);
    s.set_wall_clock(clock.now(), Duration::from_secs(DATE));
    let mut peer = FakePeer::new();
    // 100 points, 10 per second; the peer reports what it has seen
    let mut remaining: i64 = 100;
    let mut last = clock.now();
    let mut answered = 0;
    let mut too_many_seen = 0;
    let mut started = 0;
    while answered < 300 {
        while started < 300 && s.calls_in_progress() < 20 {
            s.start(&GetUsers::default(), clock.now()).unwrap();
            started += 1;
        }
        // the peer: refill, spend, answer
        while let Some(t) = s.poll_transmit() {
            let now = clock.now();
            let gained = (now - last).as_secs_f64() * 10.0;
            last = now;
            let level = ((remaining as f64) + gained).min(100.0);
            let unix = DATE as f64 + clock.elapsed().as_secs_f64();
            let (status, left) = if level >= 1.0 {
                (200, level - 1.0)
            } else {
                too_many_seen += 1;
                (429, level)
            };
            remaining = left.floor() as i64;
            let full_in = ((100.0 - left) / 10.0).ceil() as u64;
            let reply = http::Response::builder()
                .status(status)
                .header("Date", http_date(unix as u64))
                .header("Ratelimit-Limit", "100")
                .header("Ratelimit-Remaining", remaining.to_string())
                .header(
                    "Ratelimit-Reset",
                    (unix.ceil() as u64 + full_in).to_string(),
                )
                .body(br#"{"data":[]}"#.to_vec())
                .unwrap();
            peer.receive(t, now);
            s.handle_response(peer.requests().last().unwrap().id, reply, now);
            let _ = peer.take_due(now);
        }
        answered += outcomes(&events(&mut s)).len();
        if let Some(at) = s.poll_timeout() {
            clock.set(at);
            s.handle_timeout(clock.now());
        }
    }
    assert_eq!(too_many_seen, 0);
    // 300 calls: 100 from the full bucket, 200 at 10 per second: about 20 s
    let took = clock.elapsed();
    assert!(took >= Duration::from_secs(19), "{took:?}");
    assert!(took <= Duration::from_secs(24), "{took:?}");
}
