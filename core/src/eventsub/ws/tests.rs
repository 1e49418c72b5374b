//! The EventSub WebSocket machine on a virtual clock, against a scripted Twitch.

use serde_json::json;
use uuid::Uuid;

use super::*;
// On wasm32 these scenarios run under wasm-bindgen-test, in Node (scripts/test-web).
use crate::helix::Helix;
use crate::machine::TransmitId;
use crate::{Duration, Error, Instant};
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// What the test's Twitch saw, in order.
#[derive(Debug, Clone, PartialEq)]
enum Seen {
    Connect(SocketId, String),
    Close(SocketId),
    Create(TransmitId, String, String),
    Delete(TransmitId, String),
}

fn drain(ws: &mut EventSubWs) -> Vec<Seen> {
    let mut seen = Vec::new();
    while let Some(t) = ws.poll_transmit() {
        seen.push(match t {
            Transmit::Connect { socket, url } => Seen::Connect(socket, url),
            Transmit::Close { socket } => Seen::Close(socket),
            Transmit::Helix { id, request, .. } => {
                if request.method() == http::Method::POST {
                    let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
                    Seen::Create(
                        id,
                        body["type"].as_str().unwrap().to_owned(),
                        body["transport"]["session_id"].as_str().unwrap().to_owned(),
                    )
                } else {
                    let id_param = request
                        .uri()
                        .query()
                        .unwrap()
                        .trim_start_matches("id=")
                        .to_owned();
                    Seen::Delete(id, id_param)
                }
            }
        });
    }
    seen
}

fn events(ws: &mut EventSubWs) -> Vec<Event> {
    std::iter::from_fn(|| ws.poll_event()).collect()
}

fn welcome(session: &str) -> String {
    json!({"metadata":{"message_id": format!("w-{session}"),"message_type":"session_welcome","message_timestamp":"2022-10-19T14:56:51.634234626Z"},
           "payload":{"session":{"id":session,"status":"connected","connected_at":"2022-10-19T14:56:51.616329898Z","keepalive_timeout_seconds":10,"reconnect_url":null}}}).to_string()
}

fn keepalive(id: &str) -> String {
    json!({"metadata":{"message_id":id,"message_type":"session_keepalive","message_timestamp":"2022-11-04T13:11:49.770459792Z"},"payload":{}}).to_string()
}

fn notification(id: &str, sub: &str) -> String {
    json!({"metadata":{"message_id":id,"message_type":"notification","message_timestamp":"2019-11-16T10:11:12.123Z","subscription_type":"stream.online","subscription_version":"1"},
           "payload":{"subscription":{"id":sub,"status":"enabled","type":"stream.online","version":"1","cost":0,"condition":{"broadcaster_user_id":"1337"},"transport":{"method":"websocket","session_id":"x"},"created_at":"2019-11-16T10:11:12.123Z"},
                      "event":{"id":"9001","broadcaster_user_id":"1337","type":"live"}}}).to_string()
}

fn reconnect(url: &str) -> String {
    json!({"metadata":{"message_id":"rc","message_type":"session_reconnect","message_timestamp":"2019-11-18T09:10:11.234Z"},
           "payload":{"session":{"id":"old","status":"reconnecting","keepalive_timeout_seconds":null,"reconnect_url":url,"connected_at":"2019-11-16T10:11:12.123Z"}}}).to_string()
}

fn created(id: &str) -> http::Response<Vec<u8>> {
    http::Response::builder()
        .status(202)
        .body(json!({"data":[{"id":id,"status":"enabled","type":"stream.online","version":"1","cost":1}],"total":1,"total_cost":1,"max_total_cost":10000}).to_string().into_bytes())
        .unwrap()
}

fn machine() -> EventSubWs {
    let helix = Helix::new("cid")
        .with_base_url("http://127.0.0.1:9/helix")
        .unwrap();
    EventSubWs::new(&helix, WsConfig::default())
}

/// A machine with one subscription, its session `s1` welcomed and the
/// subscription created as `sub-1`.
fn running(now: Instant) -> (EventSubWs, SocketId, Uuid) {
    let mut ws = machine();
    let uuid = ws
        .listen(
            "stream.online",
            "1",
            json!({"broadcaster_user_id":"1337"}),
            now,
        )
        .unwrap();
    let [Seen::Connect(socket, url)] = &drain(&mut ws)[..] else {
        panic!()
    };
    assert_eq!(
        url,
        "wss://eventsub.wss.twitch.tv/ws?keepalive_timeout_seconds=10"
    );
    let socket = *socket;
    ws.handle_connected(socket, now);
    ws.handle_text(socket, &welcome("s1"), now);
    let seen = drain(&mut ws);
    let [Seen::Create(id, kind, session)] = &seen[..] else {
        panic!("{seen:?}")
    };
    assert_eq!((kind.as_str(), session.as_str()), ("stream.online", "s1"));
    ws.handle_response(*id, created("sub-1"), now);
    let evs = events(&mut ws);
    assert_eq!(
        evs[0],
        Event::Welcome {
            session_id: "s1".into()
        }
    );
    assert!(
        matches!(&evs[1], Event::Subscribed { subscription_id, .. } if subscription_id == "sub-1")
    );
    (ws, socket, uuid)
}

#[test]
fn subscriptions_are_created_right_after_the_welcome() {
    let now = Instant::now();
    let (ws, _, _) = running(now);
    // nothing waits on a timer but the keepalive deadline: 10 s + 3 s slack
    assert_eq!(ws.poll_timeout(), Some(now + Duration::from_secs(13)));
    assert_eq!(ws.cost(), (1, Some(10_000)));
}

#[test]
fn keepalives_and_messages_reset_the_deadline_and_silence_reconnects_and_recreates() {
    let t0 = Instant::now();
    let (mut ws, socket, uuid) = running(t0);
    let t1 = t0 + Duration::from_secs(12);
    ws.handle_text(socket, &keepalive("k1"), t1);
    assert_eq!(ws.poll_timeout(), Some(t1 + Duration::from_secs(13)));
    ws.handle_timeout(t1 + Duration::from_secs(12));
    assert!(drain(&mut ws).is_empty(), "not yet");
    // silence past the deadline: close, back off, reconnect
    let dead = t1 + Duration::from_secs(13);
    ws.handle_timeout(dead);
    assert_eq!(drain(&mut ws), vec![Seen::Close(socket)]);
    assert!(
        matches!(&events(&mut ws)[..], [Event::Reconnecting { reason }] if reason == "keepalive missed")
    );
    let at = ws.poll_timeout().unwrap();
    assert!(
        at >= dead + Duration::from_secs(1) && at < dead + Duration::from_millis(1500),
        "1 s with jitter"
    );
    ws.handle_timeout(at);
    let [Seen::Connect(new_socket, _)] = &drain(&mut ws)[..] else {
        panic!()
    };
    ws.handle_connected(*new_socket, at);
    ws.handle_text(*new_socket, &welcome("s2"), at);
    // the old session's subscription is deleted, the wanted one created anew
    let seen = drain(&mut ws);
    assert!(
        matches!(&seen[0], Seen::Delete(_, id) if id == "sub-1"),
        "{seen:?}"
    );
    let Seen::Create(id, _, session) = &seen[1] else {
        panic!("{seen:?}")
    };
    assert_eq!(session, "s2");
    assert_eq!(seen.len(), 2);
    ws.handle_response(*id, created("sub-2"), at);
    let evs = events(&mut ws);
    assert!(evs.contains(&Event::Reconnected {
        session_id: "s2".into()
    }));
    assert!(evs.iter().any(|e| matches!(e, Event::Subscribed { uuid: u, subscription_id, .. } if *u == uuid && subscription_id == "sub-2")));
}

#[test]
fn a_session_reconnect_hands_over_without_losing_or_doubling_anything() {
    let now = Instant::now();
    let (mut ws, old, uuid) = running(now);
    ws.handle_text(
        old,
        &reconnect("wss://eventsub.wss.twitch.tv/ws?reconnect=1"),
        now,
    );
    let [Seen::Connect(new, url)] = &drain(&mut ws)[..] else {
        panic!()
    };
    assert_eq!(url, "wss://eventsub.wss.twitch.tv/ws?reconnect=1");
    let new = *new;
    assert!(matches!(&events(&mut ws)[..], [Event::Reconnecting { .. }]));
    ws.handle_connected(new, now);
    // during the overlap: one message on each socket, and one on both
    ws.handle_text(old, &notification("n-old", "sub-1"), now);
    ws.handle_text(old, &notification("n-both", "sub-1"), now);
    ws.handle_text(new, &welcome("s2"), now);
    assert_eq!(
        drain(&mut ws),
        vec![Seen::Close(old)],
        "no re-create on a handoff"
    );
    ws.handle_text(new, &notification("n-both", "sub-1"), now);
    ws.handle_text(new, &notification("n-new", "sub-1"), now);
    // the old socket's late close changes nothing
    ws.handle_closed(old, Some(4004), now);
    let ids: Vec<String> = events(&mut ws)
        .into_iter()
        .filter_map(|e| match e {
            Event::Notification {
                message_id,
                uuid: u,
                ..
            } => {
                assert_eq!(u, Some(uuid));
                Some(message_id)
            }
            _ => None,
        })
        .collect();
    assert_eq!(ids, vec!["n-old", "n-both", "n-new"]);
    assert!(drain(&mut ws).is_empty());
    assert_eq!(ws.poll_timeout(), Some(now + Duration::from_secs(13)));
}

#[test]
fn a_revocation_drops_the_subscription_for_good() {
    let now = Instant::now();
    let (mut ws, socket, uuid) = running(now);
    let revocation = json!({"metadata":{"message_id":"rv","message_type":"revocation","message_timestamp":"2019-11-16T10:11:12.123Z","subscription_type":"stream.online","subscription_version":"1"},
        "payload":{"subscription":{"id":"sub-1","status":"authorization_revoked","type":"stream.online","version":"1","cost":0,"condition":{},"transport":{"method":"websocket","session_id":"s1"},"created_at":"2019-11-16T10:11:12.123Z"}}}).to_string();
    ws.handle_text(socket, &revocation, now);
    assert_eq!(
        events(&mut ws),
        vec![Event::Revoked {
            uuid: Some(uuid),
            subscription_id: "sub-1".into(),
            status: "authorization_revoked".into()
        }]
    );
    // a reconnect afterwards does not bring it back
    ws.handle_closed(socket, Some(4006), now);
    let at = ws.poll_timeout().unwrap();
    ws.handle_timeout(at);
    let [Seen::Connect(s, _)] = &drain(&mut ws)[..] else {
        panic!()
    };
    ws.handle_text(*s, &welcome("s2"), at);
    assert!(drain(&mut ws)
        .iter()
        .all(|t| !matches!(t, Seen::Create(..))));
    assert!(matches!(ws.unlisten(uuid, at), Err(Error::NotFound(_))));
}

#[test]
fn every_close_code_has_its_reason_and_reconnects() {
    for (code, text) in [
        (Some(1000), "closed"),
        (None, "closed"),
        (Some(4000), "internal server error (4000)"),
        (Some(4001), "sent inbound traffic (4001)"),
        (Some(4002), "failed ping pong (4002)"),
        (Some(4003), "connection unused (4003)"),
        (Some(4004), "reconnect grace time expired (4004)"),
        (Some(4005), "network timeout (4005)"),
        (Some(4006), "network error (4006)"),
        (Some(4007), "invalid reconnect attempt (4007)"),
    ] {
        let now = Instant::now();
        let (mut ws, socket, _) = running(now);
        ws.handle_closed(socket, code, now);
        assert_eq!(
            events(&mut ws),
            vec![Event::Reconnecting {
                reason: text.into()
            }],
            "{code:?}"
        );
        assert!(ws.poll_timeout().is_some(), "{code:?} reconnects");
    }
    assert_eq!(CloseReason::from_code(Some(4999)), CloseReason::Other(4999));
}

#[test]
fn backoff_grows_and_resets_after_a_welcome() {
    let mut now = Instant::now();
    let (mut ws, socket, _) = running(now);
    ws.handle_closed(socket, Some(4006), now);
    let mut waits = Vec::new();
    for _ in 0..4 {
        let at = ws.poll_timeout().unwrap();
        waits.push(at - now);
        now = at;
        ws.handle_timeout(now);
        let [Seen::Connect(s, _)] = &drain(&mut ws)[..] else {
            panic!()
        };
        ws.handle_closed(*s, None, now); // the connect fails
    }
    for (i, w) in waits.iter().enumerate() {
        let base = Duration::from_secs(1 << i);
        assert!(*w >= base && *w < base.mul_f64(1.5), "{i}: {w:?}");
    }
    let at = ws.poll_timeout().unwrap();
    ws.handle_timeout(at);
    let [Seen::Connect(s, _)] = &drain(&mut ws)[..] else {
        panic!()
    };
    let s = *s;
    ws.handle_text(s, &welcome("s9"), at);
    drain(&mut ws);
    ws.handle_closed(s, Some(4006), at);
    let next = ws.poll_timeout().unwrap();
    assert!(
        next - at < Duration::from_millis(1500),
        "reset after a welcome"
    );
}

#[test]
fn three_hundred_and_one_subscriptions_open_a_second_connection_and_nine_hundred_is_the_end() {
    let now = Instant::now();
    let mut ws = machine();
    for i in 0..301 {
        ws.listen(
            "channel.follow",
            "2",
            json!({"broadcaster_user_id": i.to_string()}),
            now,
        )
        .unwrap();
    }
    let connects = drain(&mut ws)
        .into_iter()
        .filter(|t| matches!(t, Seen::Connect(..)))
        .count();
    assert_eq!(connects, 2);
    assert_eq!(ws.connections(), 2);
    for i in 301..900 {
        ws.listen(
            "channel.follow",
            "2",
            json!({"broadcaster_user_id": i.to_string()}),
            now,
        )
        .unwrap();
    }
    assert_eq!(ws.connections(), 3);
    assert!(matches!(
        ws.listen("channel.follow", "2", json!({}), now),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn repeated_messages_are_dropped_and_bad_frames_are_errors() {
    let now = Instant::now();
    let (mut ws, socket, _) = running(now);
    ws.handle_text(socket, &notification("same", "sub-1"), now);
    ws.handle_text(
        socket,
        &notification("same", "sub-1"),
        now + Duration::from_secs(60),
    );
    assert_eq!(events(&mut ws).len(), 1);
    // ten minutes later the id is forgotten (Twitch never repeats that late)
    ws.handle_text(
        socket,
        &notification("same", "sub-1"),
        now + Duration::from_secs(601),
    );
    assert_eq!(events(&mut ws).len(), 1);
    for bad in [
        "",
        "{",
        "[]",
        r#"{"metadata":{"message_id":"x","message_type":"nope"},"payload":{}}"#,
        r#"{"metadata":{"message_id":"x","message_type":"notification"},"payload":{}}"#,
    ] {
        ws.handle_text(socket, bad, now);
        assert!(
            matches!(&events(&mut ws)[..], [Event::Error(Error::Protocol(_))]),
            "{bad}"
        );
    }
    // the session goes on
    ws.handle_text(socket, &notification("after", "sub-1"), now);
    assert_eq!(events(&mut ws).len(), 1);
}

#[test]
fn the_cost_budget_refuses_before_sending_and_failures_are_reported() {
    let now = Instant::now();
    let (mut ws, _, _) = running(now);
    let uuid = ws
        .listen(
            "channel.follow",
            "2",
            json!({"broadcaster_user_id":"1"}),
            now,
        )
        .unwrap();
    let [Seen::Create(id, ..)] = &drain(&mut ws)[..] else {
        panic!()
    };
    let full = http::Response::builder()
        .status(202)
        .body(
            json!({"data":[{"id":"sub-2"}],"total_cost":10,"max_total_cost":10})
                .to_string()
                .into_bytes(),
        )
        .unwrap();
    ws.handle_response(*id, full, now);
    events(&mut ws);
    assert!(matches!(
        ws.listen("channel.follow", "2", json!({}), now),
        Err(Error::Api { status: 429, .. })
    ));
    assert!(drain(&mut ws).is_empty(), "nothing sent");
    // a refused create is reported and dropped
    ws.unlisten(uuid, now).unwrap();
    drain(&mut ws);
    let mut ws2 = running(now).0;
    let u = ws2.listen("channel.follow", "2", json!({}), now).unwrap();
    let [Seen::Create(id, ..)] = &drain(&mut ws2)[..] else {
        panic!()
    };
    let refused = http::Response::builder()
        .status(409)
        .body(
            br#"{"error":"Conflict","status":409,"message":"subscription already exists"}"#
                .to_vec(),
        )
        .unwrap();
    ws2.handle_response(*id, refused, now);
    assert!(
        matches!(&events(&mut ws2)[..], [Event::SubscribeFailed { uuid, error: Error::Api { status: 409, .. }, .. }] if *uuid == u)
    );
}

#[test]
fn unlisten_deletes_and_the_last_one_closes_the_connection() {
    let now = Instant::now();
    let (mut ws, socket, uuid) = running(now);
    ws.unlisten(uuid, now).unwrap();
    let seen = drain(&mut ws);
    assert!(matches!(&seen[0], Seen::Delete(_, id) if id == "sub-1"));
    assert_eq!(seen[1], Seen::Close(socket));
    assert_eq!(ws.poll_timeout(), None);
    assert_eq!(ws.connections(), 0);
    // a create answered after its subscription was unlistened is deleted
    let (mut ws, _, _) = running(now);
    let late = ws.listen("channel.follow", "2", json!({}), now).unwrap();
    let [Seen::Create(id, ..)] = &drain(&mut ws)[..] else {
        panic!()
    };
    ws.unlisten(late, now).unwrap();
    ws.handle_response(*id, created("sub-late"), now);
    assert!(drain(&mut ws)
        .iter()
        .any(|t| matches!(t, Seen::Delete(_, s) if s == "sub-late")));
}

#[test]
fn the_documented_envelopes_parse() {
    let files = [
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/eventsub-ws/session_welcome.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/eventsub-ws/session_keepalive.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/eventsub-ws/notification.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/eventsub-ws/session_reconnect.json"
        )),
        include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/vectors/eventsub-ws/revocation.json"
        )),
    ];
    let mut count = 0;
    for file in files {
        let v: serde_json::Value = serde_json::from_str(file).unwrap();
        for example in v["examples"].as_array().unwrap() {
            let text = example["message"].to_string();
            super::Message::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", example["name"]));
            count += 1;
        }
    }
    assert!(count >= 5);
}

#[test]
fn creates_carry_the_scopes_of_their_type() {
    let now = Instant::now();
    let (mut ws, _, _) = running(now);
    ws.listen(
        "channel.channel_points_custom_reward_redemption.add",
        "1",
        json!({"broadcaster_user_id":"1"}),
        now,
    )
    .unwrap();
    match ws.poll_transmit() {
        Some(Transmit::Helix {
            auth: crate::helix::Auth::User(scopes),
            ..
        }) => {
            assert!(!scopes.listed().is_empty());
            assert!(!scopes.satisfied_by(&[]));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn mutated_frames_never_panic_and_the_session_goes_on() {
    let now = Instant::now();
    let (mut ws, socket, _) = running(now);
    let mut rng = crate::machine::Rng::new(11);
    let alphabet = b"{}[]\",:0a\\ n";
    let frames = [
        notification("m", "sub-1"),
        welcome("s"),
        keepalive("k"),
        reconnect("ws://127.0.0.1:1/ws"),
    ];
    for i in 0..4000 {
        let mut bytes = frames[i % frames.len()].clone().into_bytes();
        for _ in 0..3 {
            let at = (rng.next_u64() as usize) % bytes.len();
            bytes[at] = alphabet[(rng.next_u64() as usize) % alphabet.len()];
        }
        ws.handle_text(socket, &String::from_utf8_lossy(&bytes), now);
        while ws.poll_event().is_some() {}
        while ws.poll_transmit().is_some() {}
    }
}
