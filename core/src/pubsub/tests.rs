//! The PubSub machine against the fake server on the virtual clock.

use super::*;
// On wasm32 these scenarios run under wasm-bindgen-test, in Node (scripts/test-web).
use crate::testing::{drive_pubsub, FakePubSub, VirtualClock};
use crate::{AuthScope, Duration, Error, Secret};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const ALL: &[AuthScope] = &[
    AuthScope::WhispersRead,
    AuthScope::BitsRead,
    AuthScope::ChannelReadRedemptions,
    AuthScope::ChannelSubscriptions,
    AuthScope::ChannelModerate,
];

/// The smallest channel-points message Twitch sends.
const REDEEMED: &str = r#"{"type":"reward-redeemed","data":{"timestamp":"2020-10-10T19:13:30Z"}}"#;

fn started(clock: &VirtualClock) -> PubSub {
    let mut p = PubSub::new(PubSubConfig::default());
    p.set_token(Secret::new("tok"), ALL.to_vec(), clock.now());
    p.start(clock.now()).unwrap();
    p
}

fn events(p: &mut PubSub) -> Vec<Event> {
    std::iter::from_fn(|| p.poll_event()).collect()
}

fn points(id: u32) -> Topic {
    Topic::ChannelPoints {
        channel_id: id.to_string(),
    }
}

fn listening(events: &[Event]) -> usize {
    events
        .iter()
        .filter(|e| matches!(e, Event::Listening { .. }))
        .count()
}

#[test]
fn pings_stay_within_frequency_plus_minus_jitter() {
    let mut clock = VirtualClock::new();
    let mut p = started(&clock);
    let mut server = FakePubSub::new();
    p.listen(points(1), clock.now()).unwrap();
    drive_pubsub(
        &mut p,
        &mut server,
        &mut clock,
        Duration::from_secs(120 * 25),
    );
    let pings = server.frames_of("PING");
    assert!(pings.len() >= 24, "{} pings", pings.len());
    let mut gaps = Vec::new();
    for pair in pings.windows(2) {
        let gap = pair[1].at - pair[0].at;
        assert!(
            gap >= Duration::from_secs(116) && gap <= Duration::from_secs(124),
            "{gap:?}"
        );
        gaps.push(gap);
    }
    gaps.dedup();
    assert!(gaps.len() > 5, "no jitter: {gaps:?}");
    assert!(!events(&mut p)
        .iter()
        .any(|e| matches!(e, Event::Reconnecting { .. })));
}

#[test]
fn a_withheld_pong_reconnects_and_every_topic_is_listened_to_again() {
    let mut clock = VirtualClock::new();
    let mut p = started(&clock);
    let mut server = FakePubSub::new();
    let uuids: Vec<_> = (0..3)
        .map(|i| p.listen(points(i), clock.now()).unwrap())
        .collect();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert_eq!(listening(&events(&mut p)), 3);
    server.withhold_pong = true;
    drive_pubsub(
        &mut p,
        &mut server,
        &mut clock,
        Duration::from_secs(125 + 10),
    );
    server.withhold_pong = false;
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(5));
    let events = events(&mut p);
    assert!(events
        .iter()
        .any(|e| matches!(e, Event::Reconnecting { reason, .. } if reason == "no PONG")));
    assert!(events
        .iter()
        .any(|e| matches!(e, Event::Reconnected { .. })));
    // the second connection listens to every topic again, and Twitch confirmed them
    let listens = server.frames_of("LISTEN");
    assert_eq!(listens.len(), 2);
    assert_eq!(
        listens[1].frame["data"]["topics"].as_array().unwrap().len(),
        3
    );
    assert_eq!(server.listening(ConnId(0)).len(), 3);
    // still hearing: a message reaches its subscription
    assert_eq!(
        server.push_message("channel-points-channel-v1.1", REDEEMED, clock.now()),
        1
    );
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    let got = super::tests::events(&mut p);
    assert!(got
        .iter()
        .any(|e| matches!(e, Event::Message { uuid, .. } if *uuid == uuids[1])));
}

#[test]
fn reconnect_from_the_server_and_a_dropped_socket_back_off_and_relisten() {
    let mut clock = VirtualClock::new();
    let mut p = started(&clock);
    let mut server = FakePubSub::new();
    p.listen(points(1), clock.now()).unwrap();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    server.send_reconnect(clock.now());
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(3));
    assert_eq!(server.connects().len(), 2);
    let gap = server.connects()[1].0 - server.connects()[0].0;
    assert!(gap >= Duration::from_secs(1), "{gap:?}");
    assert_eq!(server.frames_of("LISTEN").len(), 2);

    // connects that fail back off 1 s, 2 s, 4 s (each stretched by up to half)
    server.refuse_connects = 3;
    server.drop_socket(ConnId(0), clock.now());
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(60));
    let times: Vec<_> = server.connects().iter().map(|c| c.0).collect();
    assert_eq!(times.len(), 6);
    for (i, pair) in times[2..].windows(2).enumerate() {
        let gap = (pair[1] - pair[0]).as_secs_f64();
        let base = f64::from(1u32 << (i + 1));
        assert!(gap >= base && gap < base * 1.5, "attempt {i}: {gap}");
    }
    assert_eq!(
        server.listening(ConnId(0)),
        vec!["channel-points-channel-v1.1"]
    );
}

#[test]
fn one_bad_topic_does_not_take_its_batch_down() {
    let mut clock = VirtualClock::new();
    let mut server = FakePubSub::new();
    server
        .bad_topics
        .insert("channel-points-channel-v1.2".into());
    let mut p = PubSub::new(PubSubConfig::default());
    p.set_token(Secret::new("tok"), ALL.to_vec(), clock.now());
    let uuids: Vec<_> = (0..4)
        .map(|i| p.listen(points(i), clock.now()).unwrap())
        .collect();
    p.start(clock.now()).unwrap();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(5));
    let events = events(&mut p);
    assert_eq!(listening(&events), 3);
    let failed: Vec<_> = events
        .iter()
        .filter_map(|e| match e {
            Event::ListenFailed { uuid, error, .. } => Some((*uuid, error.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].0, uuids[2]);
    assert!(matches!(failed[0].1, Error::InvalidArgument(_)));
    // one batch of four, then each alone: five LISTENs, and no more later
    assert_eq!(server.frames_of("LISTEN").len(), 5);
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(600));
    assert_eq!(server.frames_of("LISTEN").len(), 5);
    assert_eq!(p.topics().len(), 3);
}

#[test]
fn an_unconfirmed_listen_times_out() {
    let mut clock = VirtualClock::new();
    let mut p = started(&clock);
    let mut server = FakePubSub::new();
    server.drop_responses = true;
    let uuid = p.listen(points(1), clock.now()).unwrap();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(29));
    assert!(events(&mut p).is_empty());
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(2));
    assert_eq!(
        events(&mut p),
        vec![Event::ListenFailed {
            uuid,
            topic: "channel-points-channel-v1.1".into(),
            error: Error::ListenTimeout
        }]
    );
}

#[test]
fn bad_auth_asks_for_a_new_token_once() {
    let mut clock = VirtualClock::new();
    let mut p = started(&clock);
    let mut server = FakePubSub::new();
    server.bad_tokens.insert("tok".into());
    p.listen(points(1), clock.now()).unwrap();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert_eq!(events(&mut p), vec![Event::TokenRejected]);
    p.set_token(Secret::new("tok2"), ALL.to_vec(), clock.now());
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert_eq!(listening(&events(&mut p)), 1);
    let listens = server.frames_of("LISTEN");
    assert_eq!(listens[1].frame["data"]["auth_token"], "tok2");

    // a second ERR_BADAUTH for a new token is reported
    server.bad_tokens.insert("tok3".into());
    p.set_token(Secret::new("tok3"), ALL.to_vec(), clock.now());
    let uuid = p.listen(points(2), clock.now()).unwrap();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert_eq!(events(&mut p), vec![Event::TokenRejected]);
    p.set_token(Secret::new("tok3"), ALL.to_vec(), clock.now());
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert!(matches!(
        events(&mut p).as_slice(),
        [Event::ListenFailed { uuid: u, error: Error::Unauthorized(_), .. }] if *u == uuid
    ));
}

#[test]
fn more_than_fifty_topics_open_more_connections_up_to_ten() {
    let mut clock = VirtualClock::new();
    let mut p = started(&clock);
    let mut server = FakePubSub::new();
    for i in 0..120 {
        p.listen(points(i), clock.now()).unwrap();
    }
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert_eq!(listening(&events(&mut p)), 120);
    let conns: std::collections::BTreeSet<_> = server.connects().iter().map(|c| c.1).collect();
    assert_eq!(conns.len(), 3);
    assert_eq!(server.listening(ConnId(0)).len(), 50);
    assert_eq!(server.listening(ConnId(2)).len(), 20);
    for i in 120..500 {
        p.listen(points(i), clock.now()).unwrap();
    }
    assert!(matches!(
        p.listen(points(500), clock.now()),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn garbage_from_the_server_is_reported_and_the_session_goes_on() {
    let mut clock = VirtualClock::new();
    let mut p = started(&clock);
    let mut server = FakePubSub::new();
    let uuid = p.listen(points(1), clock.now()).unwrap();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    events(&mut p);
    for bad in [
        "{",
        "null",
        r#"{"type":"WHAT"}"#,
        r#"{"type":"MESSAGE","data":{"topic":"whispers.9","message":"{}"}}"#,
        r#"{"type":"MESSAGE","data":{"topic":"channel-points-channel-v1.1","message":"{"}}"#,
        r#"{"type":"RESPONSE","nonce":"unknown","error":""}"#,
    ] {
        server.send_raw(ConnId(0), bad, clock.now());
    }
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    let errors = events(&mut p)
        .into_iter()
        .filter(|e| matches!(e, Event::Error(Error::Protocol(_))))
        .count();
    assert_eq!(errors, 5);
    server.push_message("channel-points-channel-v1.1", REDEEMED, clock.now());
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert!(events(&mut p)
        .iter()
        .any(|e| matches!(e, Event::Message { uuid: u, .. } if *u == uuid)));
}

#[test]
fn every_subscription_gets_the_message_and_unlisten_waits_for_the_last() {
    let mut clock = VirtualClock::new();
    let mut p = started(&clock);
    let mut server = FakePubSub::new();
    let a = p.listen(points(1), clock.now()).unwrap();
    let b = p.listen(points(1), clock.now()).unwrap();
    assert_ne!(a, b);
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert_eq!(listening(&events(&mut p)), 2);
    server.push_message("channel-points-channel-v1.1", REDEEMED, clock.now());
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    let mut got: Vec<_> = events(&mut p)
        .into_iter()
        .filter_map(|e| match e {
            Event::Message { uuid, .. } => Some(uuid),
            _ => None,
        })
        .collect();
    got.sort();
    let mut both = vec![a, b];
    both.sort();
    assert_eq!(got, both);
    p.unlisten(a, clock.now()).unwrap();
    assert!(server.frames_of("UNLISTEN").is_empty());
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert!(server.frames_of("UNLISTEN").is_empty());
    p.unlisten(b, clock.now()).unwrap();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert_eq!(server.frames_of("UNLISTEN").len(), 1);
    assert!(p.unlisten(b, clock.now()).is_err());
}

#[test]
fn scopes_start_and_stop_follow_the_seed() {
    let clock = VirtualClock::new();
    let mut p = PubSub::new(PubSubConfig::default());
    p.set_token(Secret::new("tok"), vec![AuthScope::BitsRead], clock.now());
    assert_eq!(
        p.listen(
            Topic::Whispers {
                user_id: "1".into()
            },
            clock.now()
        ),
        Err(Error::MissingScope {
            required: vec![AuthScope::WhispersRead]
        })
    );
    assert!(p.poll_transmit().is_none());
    assert!(p.stop(clock.now()).is_err());
    p.start(clock.now()).unwrap();
    assert!(p.start(clock.now()).is_err());
    p.listen(
        Topic::Bits {
            channel_id: "1".into(),
        },
        clock.now(),
    )
    .unwrap();
    assert_eq!(p.poll_transmit(), Some(Transmit::Connect(ConnId(0))));
    p.stop(clock.now()).unwrap();
    assert_eq!(p.poll_transmit(), Some(Transmit::Close(ConnId(0))));
}

#[test]
fn a_topic_the_token_may_not_read_does_not_take_its_batch_down() {
    let mut clock = VirtualClock::new();
    let mut server = FakePubSub::new();
    server
        .forbidden_topics
        .insert("channel-points-channel-v1.9".into());
    let mut p = PubSub::new(PubSubConfig::default());
    p.set_token(Secret::new("tok"), ALL.to_vec(), clock.now());
    p.listen(points(1), clock.now()).unwrap();
    let bad = p.listen(points(9), clock.now()).unwrap();
    p.start(clock.now()).unwrap();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    let got = events(&mut p);
    assert_eq!(listening(&got), 1);
    assert_eq!(
        got.iter()
            .filter(|e| matches!(e, Event::TokenRejected))
            .count(),
        1
    );
    // after the refresh, the topic is refused again and dropped
    p.set_token(Secret::new("tok2"), ALL.to_vec(), clock.now());
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(1));
    assert!(matches!(
        events(&mut p).as_slice(),
        [Event::ListenFailed { uuid, error: Error::Unauthorized(_), .. }] if *uuid == bad
    ));
    assert_eq!(p.topics(), vec!["channel-points-channel-v1.1".to_owned()]);
}

#[test]
fn the_token_of_a_listen_never_shows_in_debug() {
    let clock = VirtualClock::new();
    let mut p = PubSub::new(PubSubConfig::default());
    p.set_token(Secret::new("sekrit-token-123"), ALL.to_vec(), clock.now());
    p.start(clock.now()).unwrap();
    p.listen(points(1), clock.now()).unwrap();
    p.handle_connected(ConnId(0), clock.now());
    assert!(!format!("{p:?}").contains("sekrit"), "{p:?}");
    let transmits: Vec<_> = std::iter::from_fn(|| p.poll_transmit()).collect();
    let Some(Transmit::Text(_, listen)) = transmits.last() else {
        panic!("{transmits:?}")
    };
    assert!(
        listen.contains("sekrit-token-123"),
        "the frame itself carries it"
    );
    let shown = format!("{transmits:?}");
    assert!(!shown.contains("sekrit"), "{shown}");
    assert!(shown.contains("[redacted]"), "{shown}");
}

#[test]
fn each_error_response_ends_the_subscription_with_its_error() {
    for (code, check) in [
        (
            "ERR_BADMESSAGE",
            (|e: &Error| matches!(e, Error::Protocol(_))) as fn(&Error) -> bool,
        ),
        ("ERR_SERVER", |e: &Error| matches!(e, Error::Backend { .. })),
        ("ERR_BADTOPIC", |e: &Error| {
            matches!(e, Error::InvalidArgument(_))
        }),
        ("ERR_SOMETHING_NEW", |e: &Error| {
            matches!(e, Error::Api { .. })
        }),
    ] {
        let clock = VirtualClock::new();
        let mut p = started(&clock);
        let uuid = p.listen(points(1), clock.now()).unwrap();
        assert_eq!(p.poll_transmit(), Some(Transmit::Connect(ConnId(0))));
        p.handle_connected(ConnId(0), clock.now());
        let Some(Transmit::Text(_, listen)) = p.poll_transmit() else {
            panic!()
        };
        let nonce = serde_json::from_str::<serde_json::Value>(&listen).unwrap()["nonce"].clone();
        let response = serde_json::json!({"type": "RESPONSE", "nonce": nonce, "error": code});
        p.handle_text(ConnId(0), &response.to_string(), clock.now());
        match events(&mut p).as_slice() {
            [Event::ListenFailed { uuid: u, error, .. }] if *u == uuid => {
                assert!(check(error), "{code}: {error:?}")
            }
            other => panic!("{code}: {other:?}"),
        }
        assert!(p.topics().is_empty(), "{code}");
    }
}

#[test]
fn the_backoff_starts_over_after_a_successful_connect() {
    let mut clock = VirtualClock::new();
    let mut p = started(&clock);
    let mut server = FakePubSub::new();
    p.listen(points(1), clock.now()).unwrap();
    server.refuse_connects = 3;
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(30));
    assert_eq!(server.connects().len(), 4);
    // connected now; the next drop waits the first backoff again, not the fifth
    server.drop_socket(ConnId(0), clock.now());
    let dropped_at = clock.now();
    drive_pubsub(&mut p, &mut server, &mut clock, Duration::from_secs(5));
    let gap = server.connects()[4].0 - dropped_at;
    assert!(
        gap >= Duration::from_secs(1) && gap < Duration::from_millis(1500),
        "{gap:?}"
    );
}
