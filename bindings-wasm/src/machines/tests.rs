//! The machines' JSON surface on the caller's clock, natively.

use serde_json::{json, Value};

#[cfg(feature = "eventsub")]
use super::eventsub::RawEventSubWsMachine;
use super::helix::RawHelixMachine;
#[cfg(feature = "pubsub")]
use super::pubsub::RawPubSubMachine;

const HELIX: &str = "http://127.0.0.1:9/helix";
const AUTH: &str = "http://127.0.0.1:9";

fn helix(now: f64) -> RawHelixMachine {
    let m = RawHelixMachine::new(
        "cid".into(),
        Some("secret".into()),
        Some(HELIX.into()),
        Some(AUTH.into()),
        true,
        now,
    )
    .unwrap();
    m.set_user_authentication(
        "old".into(),
        vec!["channel:read:redemptions".into()],
        Some("r1".into()),
        now,
    )
    .unwrap();
    m
}

fn parsed(text: Option<String>) -> Option<Value> {
    text.map(|t| serde_json::from_str(&t).unwrap())
}

fn transmits(m: &RawHelixMachine) -> Vec<Value> {
    std::iter::from_fn(|| parsed(m.poll_transmit())).collect()
}

fn events(m: &RawHelixMachine) -> Vec<Value> {
    std::iter::from_fn(|| parsed(m.poll_event())).collect()
}

fn header<'a>(transmit: &'a Value, name: &str) -> Option<&'a str> {
    transmit["headers"]
        .as_array()?
        .iter()
        .find(|pair| pair[0] == name)
        .and_then(|pair| pair[1].as_str())
}

fn token_answer(access: &str, refresh: &str) -> String {
    json!({"access_token": access, "refresh_token": refresh, "expires_in": 14000,
           "scope": ["channel:read:redemptions"], "token_type": "bearer"})
    .to_string()
}

#[test]
fn a_call_refreshes_once_on_a_401_and_answers_with_the_body() {
    let m = helix(1000.0);
    let first = m
        .call(
            "get_users".into(),
            r#"{"logins":["twitchdev"]}"#.into(),
            1000.0,
        )
        .unwrap();
    let second = m.call("get_users".into(), "{}".into(), 1000.0).unwrap();
    let sent = transmits(&m);
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0]["method"], "GET");
    assert_eq!(sent[0]["url"], format!("{HELIX}/users?login=twitchdev"));
    assert_eq!(header(&sent[0], "authorization"), Some("Bearer old"));
    assert_eq!(header(&sent[0], "client-id"), Some("cid"));
    assert_eq!(sent[0]["body"], Value::Null);

    // both come back 401: one refresh, then both again with the new token
    let expired = r#"{"error":"Unauthorized","status":401,"message":"Invalid OAuth token"}"#;
    for t in &sent {
        let id = t["id"].as_f64().unwrap();
        m.handle_response(id, 401, "{}".into(), expired.into(), 1500.0)
            .unwrap();
    }
    let refresh = transmits(&m);
    assert_eq!(refresh.len(), 1, "single flight: {refresh:?}");
    assert_eq!(refresh[0]["method"], "POST");
    assert!(refresh[0]["body"]
        .as_str()
        .unwrap()
        .contains("refresh_token=r1"));
    m.handle_response(
        refresh[0]["id"].as_f64().unwrap(),
        200,
        "[]".into(),
        token_answer("new", "r2"),
        1600.0,
    )
    .unwrap();
    let again = transmits(&m);
    assert_eq!(again.len(), 2);
    assert!(again
        .iter()
        .all(|t| header(t, "authorization") == Some("Bearer new")));
    let body = r#"{"data":[{"id":"141981764"}]}"#;
    for t in &again {
        let headers = r#"[["content-type","application/json"]]"#;
        m.handle_response(
            t["id"].as_f64().unwrap(),
            200,
            headers.into(),
            body.into(),
            1700.0,
        )
        .unwrap();
    }
    let seen = events(&m);
    assert_eq!(seen[0]["type"], "tokenRefreshed");
    assert_eq!(seen[0]["kind"], "user");
    assert_eq!(seen[0]["refreshToken"], "r2");
    let answers: Vec<&Value> = seen.iter().filter(|e| e["type"] == "answer").collect();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0]["call"].as_f64(), Some(first));
    assert_eq!(answers[1]["call"].as_f64(), Some(second));
    assert_eq!(answers[0]["body"], body);
    assert_eq!(m.calls_in_progress(), 0);
}

#[test]
fn bad_arguments_throw_and_error_statuses_fail_the_call() {
    let m = helix(0.0);
    assert!(m
        .call("get_users".into(), r#"{"logins":"x"}"#.into(), 0.0)
        .is_err());
    assert!(m.call("no_such_method".into(), "{}".into(), 0.0).is_err());
    assert!(
        m.call(
            "get_broadcaster_subscriptions".into(),
            r#"{"broadcaster_id":"1"}"#.into(),
            0.0
        )
        .is_err(),
        "missing scope"
    );
    assert!(transmits(&m).is_empty(), "nothing sent");
    let call = m.call("get_streams".into(), "{}".into(), 0.0).unwrap();
    let [sent] = &transmits(&m)[..] else { panic!() };
    assert!(
        m.handle_response(99.0, 200, "{}".into(), String::new(), 0.0)
            .is_err(),
        "unknown id"
    );
    assert!(m
        .handle_response(
            sent["id"].as_f64().unwrap(),
            200,
            "[1]".into(),
            String::new(),
            0.0
        )
        .is_err());
    let missing = r#"{"error":"Not Found","status":404,"message":"gone"}"#;
    m.handle_response(
        sent["id"].as_f64().unwrap(),
        404,
        "{}".into(),
        missing.into(),
        10.0,
    )
    .unwrap();
    let [failed] = &events(&m)[..] else { panic!() };
    assert_eq!(failed["type"], "failed");
    assert_eq!(failed["call"].as_f64(), Some(call));
    assert_eq!(
        failed["error"],
        json!({"kind": "notFound", "message": "not found: gone"})
    );
}

#[test]
fn a_429_waits_on_the_callers_clock() {
    let m = helix(5000.0);
    m.call("get_streams".into(), "{}".into(), 5000.0).unwrap();
    let [sent] = &transmits(&m)[..] else { panic!() };
    let headers = json!({"date": "Sun, 06 Nov 1994 08:49:37 GMT", "ratelimit-limit": "800",
                         "ratelimit-remaining": "0", "ratelimit-reset": "784111780"});
    m.handle_response(
        sent["id"].as_f64().unwrap(),
        429,
        headers.to_string(),
        "{}".into(),
        5000.0,
    )
    .unwrap();
    assert!(transmits(&m).is_empty(), "it waits for the reset");
    let due = m.poll_timeout().unwrap();
    assert!(
        (7900.0..=8600.0).contains(&due),
        "3 s after the answer, on the caller's clock: {due}"
    );
    m.handle_timeout(due - 100.0);
    assert!(transmits(&m).is_empty());
    m.handle_timeout(due);
    assert_eq!(
        transmits(&m).len(),
        1,
        "sent again once the bucket refilled"
    );
}

#[cfg(feature = "eventsub")]
fn welcome(session: &str) -> String {
    json!({"metadata":{"message_id": format!("w-{session}"),"message_type":"session_welcome","message_timestamp":"2022-10-19T14:56:51.634234626Z"},
           "payload":{"session":{"id":session,"status":"connected","connected_at":"2022-10-19T14:56:51.616329898Z","keepalive_timeout_seconds":10,"reconnect_url":null}}}).to_string()
}

#[cfg(feature = "eventsub")]
#[test]
fn eventsub_creates_go_out_through_the_helix_machine_and_their_answers_come_back() {
    let h = helix(0.0);
    let es = RawEventSubWsMachine::new(&h, None, 0.0);
    let condition = r#"{"broadcaster_user_id":"1337"}"#;
    let uuid = es
        .listen(
            "channel.channel_points_custom_reward_redemption.add".into(),
            "1".into(),
            condition.into(),
            0.0,
        )
        .unwrap();
    let connect = parsed(es.poll_transmit()).unwrap();
    assert_eq!(connect["type"], "connect");
    let socket = connect["socket"].as_f64().unwrap();
    es.handle_connected(socket, 10.0);
    es.handle_text(socket, welcome("s1"), 20.0);
    assert_eq!(
        es.poll_transmit(),
        None,
        "the create is the Helix machine's request"
    );
    let [create] = &transmits(&h)[..] else {
        panic!()
    };
    assert_eq!(create["method"], "POST");
    assert_eq!(create["url"], format!("{HELIX}/eventsub/subscriptions"));
    assert_eq!(header(create, "authorization"), Some("Bearer old"));
    let body: Value = serde_json::from_str(create["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body["transport"],
        json!({"method": "websocket", "session_id": "s1"})
    );
    let created = json!({"data":[{"id":"sub-1","status":"enabled","type":"channel.channel_points_custom_reward_redemption.add","version":"1","cost":0}],
                         "total":1,"total_cost":0,"max_total_cost":10000});
    h.handle_response(
        create["id"].as_f64().unwrap(),
        202,
        "{}".into(),
        created.to_string(),
        30.0,
    )
    .unwrap();
    assert!(
        events(&h).is_empty(),
        "the answer is EventSub's, not the application's"
    );
    let seen: Vec<Value> = std::iter::from_fn(|| parsed(es.poll_event())).collect();
    assert_eq!(seen[0]["type"], "welcome");
    assert_eq!(seen[1]["type"], "subscribed");
    assert_eq!(seen[1]["uuid"], uuid);
    assert_eq!(seen[1]["subscriptionId"], "sub-1");
    // keepalive 10 s (+ slack) after the welcome, on the caller's clock
    let due = es.poll_timeout().unwrap();
    assert!((10_020.0..=15_020.0).contains(&due), "{due}");
    es.handle_timeout(due);
    let seen: Vec<Value> = std::iter::from_fn(|| parsed(es.poll_event())).collect();
    assert_eq!(seen[0]["type"], "reconnecting", "{seen:?}");
}

#[cfg(feature = "pubsub")]
#[test]
fn pubsub_listens_with_the_helix_user_token_and_a_rejected_one_is_refreshed() {
    let h = helix(0.0);
    let ps = RawPubSubMachine::new(&h, Some("ws://127.0.0.1:9/pubsub".into()));
    ps.start(0.0).unwrap();
    let uuid = ps
        .listen("listen_channel_points".into(), "1337".into(), None, 0.0)
        .unwrap();
    assert!(
        ps.listen("listen_whispers".into(), "1".into(), None, 0.0)
            .is_err(),
        "no whispers:read"
    );
    let connect = parsed(ps.poll_transmit()).unwrap();
    assert_eq!(
        connect,
        json!({"type": "connect", "socket": connect["socket"], "url": "ws://127.0.0.1:9/pubsub"})
    );
    let socket = connect["socket"].as_f64().unwrap();
    ps.handle_connected(socket, 5.0);
    let sent: Vec<Value> = std::iter::from_fn(|| parsed(ps.poll_transmit())).collect();
    let listen: Value = sent
        .iter()
        .filter(|t| t["type"] == "send")
        .map(|t| serde_json::from_str(t["text"].as_str().unwrap()).unwrap())
        .find(|f: &Value| f["type"] == "LISTEN")
        .unwrap();
    assert_eq!(listen["data"]["auth_token"], "old");
    assert_eq!(
        listen["data"]["topics"],
        json!(["channel-points-channel-v1.1337"])
    );
    let refused = json!({"type": "RESPONSE", "nonce": listen["nonce"], "error": "ERR_BADAUTH"});
    ps.handle_text(socket, refused.to_string(), 10.0);
    let seen: Vec<Value> = std::iter::from_fn(|| parsed(ps.poll_event())).collect();
    assert!(
        seen.iter().any(|e| e["type"] == "tokenRejected"),
        "{seen:?}"
    );
    // the Helix machine refreshes; the new token goes out with the next LISTEN
    let [refresh] = &transmits(&h)[..] else {
        panic!()
    };
    h.handle_response(
        refresh["id"].as_f64().unwrap(),
        200,
        "{}".into(),
        token_answer("new", "r2"),
        20.0,
    )
    .unwrap();
    assert_eq!(events(&h)[0]["type"], "tokenRefreshed");
    ps.handle_timeout(30.0);
    let again: Vec<Value> = std::iter::from_fn(|| parsed(ps.poll_transmit()))
        .filter(|t| t["type"] == "send")
        .map(|t| serde_json::from_str(t["text"].as_str().unwrap()).unwrap())
        .filter(|f: &Value| f["type"] == "LISTEN")
        .collect();
    assert_eq!(again.len(), 1, "{again:?}");
    assert_eq!(again[0]["data"]["auth_token"], "new");
    let ok = json!({"type": "RESPONSE", "nonce": again[0]["nonce"], "error": ""});
    ps.handle_text(socket, ok.to_string(), 40.0);
    let seen: Vec<Value> = std::iter::from_fn(|| parsed(ps.poll_event())).collect();
    assert!(
        seen.iter()
            .any(|e| e["type"] == "listening" && e["uuid"] == uuid),
        "{seen:?}"
    );
}
