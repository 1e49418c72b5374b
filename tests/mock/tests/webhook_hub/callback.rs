//! A subscriber's callback server on 127.0.0.1: answers verification GETs
//! (with the challenge, or wrongly) and records them and the notifications.
#![allow(dead_code)] // shared by two test files; each uses part of it

use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::Router;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use super::{QUIET, WAIT};

/// How the callback answers a verification GET.
#[derive(Clone, Copy, Debug)]
pub enum Reply {
    /// 200 with the challenge.
    Echo,
    /// 200 with something else.
    Wrong,
    /// This status, with the challenge.
    EchoWith(u16),
}

/// A verification (or denial) GET the callback received.
#[derive(Debug)]
pub struct Hit {
    pub query: Vec<(String, String)>,
    /// Whether the test had seen the 202 when the GET was handled (`None`:
    /// the callback was not asked to wait for it).
    pub after_accept: Option<bool>,
}

impl Hit {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// A notification the callback received.
#[derive(Debug)]
pub struct Post {
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Post {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

#[derive(Clone)]
struct Shared {
    gets: mpsc::UnboundedSender<Hit>,
    posts: mpsc::UnboundedSender<Post>,
    reply: Arc<Mutex<Reply>>,
    /// Wait this long at most for `accepted` before handling a GET.
    hold: Arc<Mutex<Option<Duration>>>,
    accepted: watch::Receiver<bool>,
    post_status: Arc<AtomicU16>,
}

/// A subscriber's callback server on 127.0.0.1, recording what it gets.
pub struct Callback {
    base: String,
    pub gets: mpsc::UnboundedReceiver<Hit>,
    posts: mpsc::UnboundedReceiver<Post>,
    reply: Arc<Mutex<Reply>>,
    hold: Arc<Mutex<Option<Duration>>>,
    accepted: watch::Sender<bool>,
    pub post_status: Arc<AtomicU16>,
    task: JoinHandle<()>,
}

async fn callback_route(
    State(shared): State<Shared>,
    method: Method,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if method == Method::POST {
        let _ = shared.posts.send(Post {
            headers,
            body: body.to_vec(),
        });
        let status = shared.post_status.load(Ordering::SeqCst);
        return StatusCode::from_u16(status)
            .unwrap_or(StatusCode::OK)
            .into_response();
    }
    let query: Vec<(String, String)> =
        url::form_urlencoded::parse(query.unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
    let hold = *shared.hold.lock().unwrap();
    let after_accept = match hold {
        None => None,
        Some(hold) => {
            let mut accepted = shared.accepted.clone();
            let seen = tokio::time::timeout(hold, accepted.wait_for(|a| *a)).await;
            Some(matches!(seen, Ok(Ok(_))))
        }
    };
    let challenge = query
        .iter()
        .find(|(k, _)| k == "hub.challenge")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let _ = shared.gets.send(Hit {
        query,
        after_accept,
    });
    let reply = *shared.reply.lock().unwrap();
    let (status, body) = match reply {
        Reply::Echo => (200, challenge),
        Reply::Wrong => (200, "not the challenge".to_owned()),
        Reply::EchoWith(status) => (status, challenge),
    };
    // Not kept alive, so a stopped callback is unreachable at once.
    let status = StatusCode::from_u16(status).unwrap();
    (status, [("connection", "close")], body).into_response()
}

impl Callback {
    pub async fn start() -> Callback {
        let (gets_tx, gets) = mpsc::unbounded_channel();
        let (posts_tx, posts) = mpsc::unbounded_channel();
        let (accepted, accepted_rx) = watch::channel(false);
        let reply = Arc::new(Mutex::new(Reply::Echo));
        let hold = Arc::new(Mutex::new(None));
        let post_status = Arc::new(AtomicU16::new(200));
        let shared = Shared {
            gets: gets_tx,
            posts: posts_tx,
            reply: reply.clone(),
            hold: hold.clone(),
            accepted: accepted_rx,
            post_status: post_status.clone(),
        };
        let app = Router::new()
            .route("/cb", any(callback_route))
            .with_state(shared);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}/cb", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Callback {
            base,
            gets,
            posts,
            reply,
            hold,
            accepted,
            post_status,
            task,
        }
    }

    /// The callback URL with its own `uuid` query.
    pub fn url(&self, uuid: &str) -> String {
        format!("{}?uuid={uuid}", self.base)
    }

    pub fn reply(&self, reply: Reply) {
        *self.reply.lock().unwrap() = reply;
    }

    /// GETs wait (at most `hold`) until [`Self::accept`] is called.
    pub fn hold_until_accepted(&self, hold: Duration) {
        *self.hold.lock().unwrap() = Some(hold);
    }

    pub fn accept(&self) {
        self.accepted.send_replace(true);
    }

    pub async fn next_get(&mut self) -> Hit {
        tokio::time::timeout(WAIT, self.gets.recv())
            .await
            .expect("a GET within 5 s")
            .expect("callback running")
    }

    pub async fn next_post(&mut self) -> Post {
        tokio::time::timeout(WAIT, self.posts.recv())
            .await
            .expect("a POST within 5 s")
            .expect("callback running")
    }

    /// Nothing arrives for [`QUIET`].
    pub async fn quiet(&mut self) {
        let got = tokio::time::timeout(QUIET, async {
            tokio::select! {
                get = self.gets.recv() => format!("{get:?}"),
                post = self.posts.recv() => format!("{post:?}"),
            }
        })
        .await;
        if let Ok(got) = got {
            panic!("expected nothing at the callback, got {got}");
        }
    }
}

impl Drop for Callback {
    fn drop(&mut self) {
        self.task.abort();
    }
}
