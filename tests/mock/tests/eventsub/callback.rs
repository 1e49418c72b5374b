//! A webhook callback server on 127.0.0.1 for the EventSub tests: answers
//! the challenge (or not) and records every message it gets.
#![allow(dead_code)] // shared by several test files; each uses part of it

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::Router;
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

/// How the callback answers.
#[derive(Clone, Copy, Debug)]
pub enum Reply {
    /// 200 with the challenge; 204 to other messages.
    Fine,
    /// 200 with something else than the challenge.
    WrongChallenge,
    /// This status to every message.
    Status(u16),
}

/// A message the callback got.
#[derive(Debug)]
pub struct Received {
    pub headers: HeaderMap,
    pub body: Vec<u8>,
    pub json: Value,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    pub fn message_type(&self) -> &str {
        self.header("twitch-eventsub-message-type")
            .unwrap_or_default()
    }

    /// `sha256=` and the hex HMAC-SHA256 of id, timestamp and body under `secret`.
    pub fn expected_signature(&self, secret: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(
            self.header("twitch-eventsub-message-id")
                .unwrap_or_default()
                .as_bytes(),
        );
        mac.update(
            self.header("twitch-eventsub-message-timestamp")
                .unwrap_or_default()
                .as_bytes(),
        );
        mac.update(&self.body);
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    }

    /// Whether the signature header is right for `secret`.
    pub fn signed_with(&self, secret: &str) -> bool {
        self.header("twitch-eventsub-message-signature") == Some(&self.expected_signature(secret))
    }
}

#[derive(Clone)]
struct Shared {
    got: mpsc::UnboundedSender<Received>,
    reply: Arc<Mutex<Reply>>,
}

pub struct Callback {
    pub url: String,
    got: mpsc::UnboundedReceiver<Received>,
    reply: Arc<Mutex<Reply>>,
    task: JoinHandle<()>,
}

async fn route(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let json = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let verification = headers
        .get("twitch-eventsub-message-type")
        .is_some_and(|v| v == "webhook_callback_verification");
    let challenge = json["challenge"].as_str().unwrap_or_default().to_owned();
    let _ = shared.got.send(Received {
        headers,
        body: body.to_vec(),
        json,
    });
    let reply = *shared.reply.lock().unwrap();
    match reply {
        Reply::Status(status) => StatusCode::from_u16(status).unwrap().into_response(),
        Reply::Fine if verification => (StatusCode::OK, challenge).into_response(),
        Reply::WrongChallenge if verification => (StatusCode::OK, "not it").into_response(),
        _ => StatusCode::NO_CONTENT.into_response(),
    }
}

impl Callback {
    pub async fn start() -> Callback {
        let (got_tx, got) = mpsc::unbounded_channel();
        let reply = Arc::new(Mutex::new(Reply::Fine));
        let shared = Shared {
            got: got_tx,
            reply: reply.clone(),
        };
        let app = Router::new()
            .route("/eventsub", post(route))
            .with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/eventsub", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Callback {
            url,
            got,
            reply,
            task,
        }
    }

    pub fn reply(&self, reply: Reply) {
        *self.reply.lock().unwrap() = reply;
    }

    /// The next message, within 5 s.
    pub async fn next(&mut self) -> Received {
        tokio::time::timeout(Duration::from_secs(5), self.got.recv())
            .await
            .expect("a message within 5 s")
            .expect("callback running")
    }

    /// Nothing arrives for 300 ms.
    pub async fn quiet(&mut self) {
        if let Ok(got) = tokio::time::timeout(Duration::from_millis(300), self.got.recv()).await {
            panic!("expected nothing, got {got:?}");
        }
    }
}

impl Drop for Callback {
    fn drop(&mut self) {
        self.task.abort();
    }
}
