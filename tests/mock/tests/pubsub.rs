//! The PubSub websocket (`/pubsub`) with a real websocket client.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{connect_async, MaybeTlsStream, WebSocketStream};
use twitchapi_mock::{seeded, MockConfig, MockServer};

type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

const ME: &str = seeded::TWITCHDEV_ID;
const WAIT: Duration = Duration::from_secs(5);
const QUIET: Duration = Duration::from_millis(300);

async fn connect(server: &MockServer) -> Ws {
    let (ws, _) = connect_async(server.pubsub_url()).await.expect("connect");
    ws
}

async fn send(ws: &mut Ws, frame: Value) {
    ws.send(Message::text(frame.to_string()))
        .await
        .expect("send");
}

/// The next text frame, within [`WAIT`].
async fn recv_text(ws: &mut Ws) -> String {
    loop {
        let next = tokio::time::timeout(WAIT, ws.next())
            .await
            .expect("a frame within 5 s");
        match next {
            Some(Ok(Message::Text(text))) => return text.as_str().to_owned(),
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
            other => panic!("expected a text frame, got {other:?}"),
        }
    }
}

async fn recv(ws: &mut Ws) -> Value {
    let text = recv_text(ws).await;
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
}

/// Nothing arrives for [`QUIET`].
async fn silent(ws: &mut Ws) {
    if let Ok(next) = tokio::time::timeout(QUIET, ws.next()).await {
        panic!("expected silence, got {next:?}");
    }
}

fn listen(nonce: &str, topics: &[&str], token: &str) -> Value {
    json!({"type":"LISTEN","nonce":nonce,"data":{"topics":topics,"auth_token":token}})
}

/// LISTENs and returns the RESPONSE's error.
async fn listen_error(ws: &mut Ws, topics: &[&str], token: &str) -> String {
    send(ws, listen("n1", topics, token)).await;
    let answer = recv(ws).await;
    assert_eq!(answer["type"], "RESPONSE");
    assert_eq!(answer["nonce"], "n1");
    answer["error"].as_str().expect("error string").to_owned()
}

fn points_topic() -> String {
    format!("channel-points-channel-v1.{ME}")
}

fn token(server: &MockServer, scopes: &[&str]) -> String {
    server.issue_user_token(ME, scopes).access_token
}

#[tokio::test]
async fn listen_is_confirmed_and_recorded() {
    let server = MockServer::start().await.unwrap();
    assert!(server.pubsub_url().starts_with("ws://127.0.0.1:"));
    let mut ws = connect(&server).await;
    let t = token(&server, &["channel:read:redemptions", "whispers:read"]);
    let topic = points_topic();
    let whispers = format!("whispers.{ME}");
    send(&mut ws, listen("my nonce", &[&topic, &whispers], &t)).await;
    assert_eq!(
        recv(&mut ws).await,
        json!({"type":"RESPONSE","nonce":"my nonce","error":""})
    );
    assert_eq!(server.pubsub_connections(), 1);
    assert_eq!(server.pubsub_listening(&topic), 1);
    assert_eq!(server.pubsub_listening(&whispers), 1);
    assert_eq!(server.pubsub_frames_of("LISTEN").len(), 1);
    assert_eq!(server.pubsub_frames()[0]["data"]["auth_token"], t.as_str());
}

#[tokio::test]
async fn one_bad_topic_fails_the_whole_batch() {
    let server = MockServer::start().await.unwrap();
    let mut ws = connect(&server).await;
    let t = token(&server, &["channel:read:redemptions"]);
    let topic = points_topic();
    for bad in ["nope.1", "whispers", "channel-points-channel-v1.abc"] {
        assert_eq!(
            listen_error(&mut ws, &[&topic, bad], &t).await,
            "ERR_BADTOPIC"
        );
    }
    assert_eq!(server.pubsub_listening(&topic), 0);
    server.pubsub_refuse_topic(&topic);
    assert_eq!(listen_error(&mut ws, &[&topic], &t).await, "ERR_BADTOPIC");
    server.pubsub_allow_topic(&topic);
    assert_eq!(listen_error(&mut ws, &[&topic], &t).await, "");
}

#[tokio::test]
async fn tokens_without_the_scope_or_of_another_user_get_badauth() {
    let server = MockServer::start().await.unwrap();
    let mut ws = connect(&server).await;
    let topic = points_topic();
    let bits_only = token(&server, &["bits:read"]);
    assert_eq!(
        listen_error(&mut ws, &[&topic], &bits_only).await,
        "ERR_BADAUTH"
    );
    let other = server
        .issue_user_token(seeded::LIVE_USER_ID, &["channel:read:redemptions"])
        .access_token;
    assert_eq!(
        listen_error(&mut ws, &[&topic], &other).await,
        "ERR_BADAUTH"
    );
    assert_eq!(
        listen_error(&mut ws, &[&topic], "unknown").await,
        "ERR_BADAUTH"
    );
    let good = token(&server, &["channel:read:redemptions"]);
    let prefixed = format!("oauth:{good}");
    assert_eq!(
        listen_error(&mut ws, &[&topic], &prefixed).await,
        "ERR_BADAUTH"
    );
    server.expire_token(&good);
    assert_eq!(listen_error(&mut ws, &[&topic], &good).await, "ERR_BADAUTH");
    let app = server.issue_app_token().access_token;
    assert_eq!(listen_error(&mut ws, &[&topic], &app).await, "ERR_BADAUTH");
    assert_eq!(server.pubsub_listening(&topic), 0);
}

#[tokio::test]
async fn bad_messages_and_topic_limits() {
    let server = MockServer::start().await.unwrap();
    let mut ws = connect(&server).await;
    let t = token(&server, &[]);
    ws.send(Message::text("not json {")).await.unwrap();
    assert_eq!(
        recv(&mut ws).await,
        json!({"type":"RESPONSE","nonce":"","error":"ERR_BADMESSAGE"})
    );
    send(&mut ws, json!({"type":"LISTEN","nonce":"x"})).await;
    assert_eq!(recv(&mut ws).await["error"], "ERR_BADMESSAGE");
    send(&mut ws, json!({"type":"SUBSCRIBE","nonce":"y"})).await;
    assert_eq!(
        recv(&mut ws).await,
        json!({"type":"RESPONSE","nonce":"y","error":"ERR_BADMESSAGE"})
    );
    // An unknown type without a nonce is ignored.
    send(&mut ws, json!({"type":"SUBSCRIBE"})).await;
    silent(&mut ws).await;
    let names: Vec<String> = (0..51)
        .map(|i| format!("video-playback-by-id.{i}"))
        .collect();
    let all: Vec<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(listen_error(&mut ws, &all, &t).await, "ERR_BADMESSAGE");
    assert_eq!(listen_error(&mut ws, &all[..50], &t).await, "");
    assert_eq!(
        listen_error(&mut ws, &all[50..], &t).await,
        "ERR_BADMESSAGE"
    );
    assert_eq!(server.pubsub_listening("video-playback-by-id.50"), 0);
    // The connection is still usable.
    send(&mut ws, json!({"type":"PING"})).await;
    assert_eq!(recv(&mut ws).await, json!({"type":"PONG"}));
}

#[tokio::test]
async fn ping_gets_pong_unless_withheld() {
    let server = MockServer::start().await.unwrap();
    let mut ws = connect(&server).await;
    send(&mut ws, json!({"type":"PING"})).await;
    assert_eq!(recv_text(&mut ws).await, r#"{"type":"PONG"}"#);
    server.pubsub_withhold_pong(true);
    send(&mut ws, json!({"type":"PING"})).await;
    silent(&mut ws).await;
    assert_eq!(server.pubsub_connections(), 1);
    server.pubsub_withhold_pong(false);
    send(&mut ws, json!({"type":"PING"})).await;
    assert_eq!(recv(&mut ws).await, json!({"type":"PONG"}));
    assert_eq!(server.pubsub_frames_of("PING").len(), 3);
}

#[tokio::test]
async fn reconnect_is_sent_on_every_connection() {
    let server = MockServer::start().await.unwrap();
    let mut a = connect(&server).await;
    let mut b = connect(&server).await;
    assert_eq!(server.pubsub_reconnect(), 2);
    assert_eq!(recv(&mut a).await, json!({"type":"RECONNECT"}));
    assert_eq!(recv(&mut b).await, json!({"type":"RECONNECT"}));
}

#[tokio::test]
async fn triggered_messages_arrive_with_the_message_as_a_json_string() {
    let server = MockServer::start().await.unwrap();
    let mut ws = connect(&server).await;
    let t = token(&server, &["channel:read:redemptions", "whispers:read"]);
    let topic = points_topic();
    let whispers = format!("whispers.{ME}");
    assert_eq!(listen_error(&mut ws, &[&topic, &whispers], &t).await, "");

    assert_eq!(server.pubsub_channel_points_redemption(ME, "Hydrate"), 1);
    let frame = recv(&mut ws).await;
    assert_eq!(frame["type"], "MESSAGE");
    assert_eq!(frame["data"]["topic"], topic.as_str());
    let text = frame["data"]["message"]
        .as_str()
        .expect("message is a string");
    let message: Value = serde_json::from_str(text).unwrap();
    assert_eq!(message["type"], "reward-redeemed");
    let redemption = &message["data"]["redemption"];
    assert_eq!(redemption["reward"]["title"], "Hydrate");
    assert_eq!(redemption["channel_id"], ME);
    assert_eq!(redemption["status"], "UNFULFILLED");

    assert_eq!(server.pubsub_whisper(ME, "user2", "hi there"), 1);
    let frame = recv(&mut ws).await;
    assert_eq!(frame["data"]["topic"], whispers.as_str());
    let message: Value = serde_json::from_str(frame["data"]["message"].as_str().unwrap()).unwrap();
    assert_eq!(message["type"], "whisper_received");
    let inner: Value = serde_json::from_str(message["data"].as_str().unwrap()).unwrap();
    assert_eq!(inner["body"], "hi there");
    assert_eq!(inner["tags"]["login"], "user2");
    assert_eq!(inner["recipient"]["username"], "twitchdev");
    assert_eq!(message["data_object"], inner);

    assert_eq!(server.pubsub_send(&topic, json!({"any": [1, 2]})), 1);
    let frame = recv(&mut ws).await;
    assert_eq!(frame["data"]["message"], r#"{"any":[1,2]}"#);
    // Nobody listens to bits here.
    assert_eq!(server.pubsub_bits(ME, "user2", 100, "cheer100"), 0);
}

#[tokio::test]
async fn unlisten_stops_delivery() {
    let server = MockServer::start().await.unwrap();
    let mut ws = connect(&server).await;
    let t = token(&server, &["channel:read:redemptions"]);
    let topic = points_topic();
    assert_eq!(listen_error(&mut ws, &[&topic], &t).await, "");
    send(
        &mut ws,
        json!({"type":"UNLISTEN","nonce":"u","data":{"topics":[&topic]}}),
    )
    .await;
    assert_eq!(
        recv(&mut ws).await,
        json!({"type":"RESPONSE","nonce":"u","error":""})
    );
    assert_eq!(server.pubsub_listening(&topic), 0);
    assert_eq!(server.pubsub_channel_points_redemption(ME, "Hydrate"), 0);
    silent(&mut ws).await;
}

#[tokio::test]
async fn drop_connections_closes_the_socket_without_a_close_frame() {
    let server = MockServer::start().await.unwrap();
    let mut ws = connect(&server).await;
    send(&mut ws, json!({"type":"PING"})).await;
    recv(&mut ws).await;
    assert_eq!(server.pubsub_drop_connections(), 1);
    assert_eq!(server.pubsub_connections(), 0);
    let next = tokio::time::timeout(WAIT, ws.next()).await.expect("closed");
    assert!(
        matches!(next, None | Some(Err(_))),
        "expected an abrupt end, got {next:?}"
    );
}

#[tokio::test]
async fn garbage_frames_reach_every_connection() {
    let server = MockServer::start().await.unwrap();
    let mut ws = connect(&server).await;
    assert_eq!(server.pubsub_send_garbage("{\"type\":\"MESS"), 1);
    assert_eq!(recv_text(&mut ws).await, "{\"type\":\"MESS");
}

#[tokio::test]
async fn responses_can_be_delayed_or_dropped() {
    let server = MockServer::start().await.unwrap();
    let mut ws = connect(&server).await;
    let t = token(&server, &["channel:read:redemptions"]);
    let topic = points_topic();
    server.pubsub_drop_responses(true);
    send(&mut ws, listen("a", &[&topic], &t)).await;
    silent(&mut ws).await;
    assert_eq!(server.pubsub_listening(&topic), 1);
    server.pubsub_drop_responses(false);
    server.pubsub_response_delay(Duration::from_millis(400));
    send(&mut ws, listen("b", &[&topic], &t)).await;
    send(&mut ws, json!({"type":"PING"})).await;
    // The PONG overtakes the delayed RESPONSE.
    assert_eq!(recv(&mut ws).await, json!({"type":"PONG"}));
    assert_eq!(recv(&mut ws).await["nonce"], "b");
}

#[tokio::test]
async fn connections_without_ping_are_closed() {
    let server = MockServer::start_with(MockConfig {
        pubsub_idle_timeout: Duration::from_millis(600),
        ..MockConfig::default()
    })
    .await
    .unwrap();
    let mut pinging = connect(&server).await;
    let mut idle = connect(&server).await;
    for _ in 0..4 {
        tokio::time::sleep(Duration::from_millis(250)).await;
        send(&mut pinging, json!({"type":"PING"})).await;
        assert_eq!(recv(&mut pinging).await, json!({"type":"PONG"}));
    }
    let next = tokio::time::timeout(WAIT, idle.next())
        .await
        .expect("closed");
    assert!(
        matches!(next, Some(Ok(Message::Close(_))) | None),
        "expected a close, got {next:?}"
    );
    assert_eq!(server.pubsub_connections(), 1);
}

#[tokio::test]
async fn connects_are_recorded_and_can_be_refused() {
    let server = MockServer::start().await.unwrap();
    server.fail_next("/pubsub", 503, 1);
    assert!(connect_async(server.pubsub_url()).await.is_err());
    server.reset_next("/pubsub", 1);
    assert!(connect_async(server.pubsub_url()).await.is_err());
    let mut ws = connect(&server).await;
    send(&mut ws, json!({"type":"PING"})).await;
    assert_eq!(recv(&mut ws).await, json!({"type":"PONG"}));
    assert_eq!(server.count("GET", "/pubsub"), 3);
    assert_eq!(server.pubsub_connections(), 1);
}

#[tokio::test]
async fn a_plain_get_is_not_upgraded() {
    let server = MockServer::start().await.unwrap();
    let answer = reqwest::get(format!("{}/pubsub", server.url()))
        .await
        .unwrap();
    assert!(answer.status().is_client_error(), "{}", answer.status());
}

async fn json_of(answer: reqwest::Response) -> Value {
    let text = answer.text().await.expect("body");
    serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON: {text}"))
}

#[tokio::test]
async fn the_admin_api_steers_pubsub() {
    let server = MockServer::start().await.unwrap();
    let http = reqwest::Client::new();
    let url = |path: &str| format!("{}{}", server.url(), path);
    let count = |v: Value| v["count"].as_u64().expect("count");
    let mut ws = connect(&server).await;
    let t = token(&server, &["channel:read:redemptions", "whispers:read"]);
    let topic = points_topic();
    assert_eq!(listen_error(&mut ws, &[&topic], &t).await, "");

    let get = |path: String| {
        let http = http.clone();
        async move { json_of(http.get(path).send().await.unwrap()).await }
    };
    let post = |path: String, body: &'static str| {
        let http = http.clone();
        async move { http.post(path).body(body).send().await.unwrap() }
    };
    assert_eq!(count(get(url("/mock/pubsub/connections")).await), 1);
    let listening = get(url(&format!("/mock/pubsub/listening?topic={topic}"))).await;
    assert_eq!(count(listening), 1);

    let path = format!("/mock/pubsub/channel_points?channel_id={ME}&title=Stretch");
    let answer = post(url(&path), "").await;
    assert_eq!(count(json_of(answer).await), 1);
    let frame = recv(&mut ws).await;
    assert!(frame["data"]["message"]
        .as_str()
        .unwrap()
        .contains("Stretch"));

    let answer = post(
        url(&format!("/mock/pubsub/send?topic={topic}")),
        r#"{"a":1}"#,
    )
    .await;
    assert_eq!(count(json_of(answer).await), 1);
    assert_eq!(recv(&mut ws).await["data"]["message"], r#"{"a":1}"#);
    let answer = post(url(&format!("/mock/pubsub/send?topic={topic}")), "{nope").await;
    assert_eq!(answer.status(), 400);

    let answer = post(url("/mock/pubsub/reconnect"), "").await;
    assert_eq!(count(json_of(answer).await), 1);
    assert_eq!(recv(&mut ws).await, json!({"type":"RECONNECT"}));

    let answer = post(url("/mock/pubsub/garbage"), "}{").await;
    assert_eq!(count(json_of(answer).await), 1);
    assert_eq!(recv_text(&mut ws).await, "}{");

    let answer = post(url("/mock/pubsub/withhold_pong?on=true"), "").await;
    assert_eq!(answer.status(), 204);
    send(&mut ws, json!({"type":"PING"})).await;
    silent(&mut ws).await;
    post(url("/mock/pubsub/withhold_pong?on=false"), "").await;

    let answer = post(url(&format!("/mock/pubsub/refuse_topic?topic={topic}")), "").await;
    assert_eq!(answer.status(), 204);
    assert_eq!(listen_error(&mut ws, &[&topic], &t).await, "ERR_BADTOPIC");

    let frames = get(url("/mock/pubsub/frames")).await;
    assert_eq!(frames.as_array().unwrap().len(), 3);
    let answer = post(url("/mock/pubsub/drop_connections"), "").await;
    assert_eq!(count(json_of(answer).await), 1);
    assert_eq!(count(get(url("/mock/pubsub/connections")).await), 0);
}
