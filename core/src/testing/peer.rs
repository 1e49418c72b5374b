//! [`FakePeer`]: a scripted stand-in for Helix and OAuth.

use std::collections::VecDeque;

use crate::machine::{HttpTransmit, TransmitId};
use crate::{Duration, Error, Instant};

/// One scripted answer: status, headers, body and a delay in virtual time, or
/// a transport failure.
#[derive(Debug, Clone)]
pub struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    delay: Duration,
    transport_error: Option<String>,
}

impl Reply {
    /// An answer with this status and an empty body.
    pub fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            delay: Duration::ZERO,
            transport_error: None,
        }
    }

    /// An answer with this status and a JSON body.
    pub fn json(status: u16, body: impl Into<String>) -> Reply {
        Reply::status(status)
            .header("Content-Type", "application/json")
            .body(body.into().into_bytes())
    }

    /// A `/oauth2/token` success: `{"access_token", "refresh_token", "expires_in", ...}`.
    pub fn token(access_token: &str, refresh_token: Option<&str>, expires_in: u64) -> Reply {
        let mut body = serde_json::json!({
            "access_token": access_token,
            "expires_in": expires_in,
            "token_type": "bearer",
        });
        if let Some(refresh) = refresh_token {
            body["refresh_token"] = refresh.into();
        }
        Reply::json(200, body.to_string())
    }

    /// The transmit fails without an answer (a reset connection).
    pub fn transport_error(message: impl Into<String>) -> Reply {
        Reply {
            transport_error: Some(message.into()),
            ..Reply::status(0)
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Replaces the body.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Reply {
        self.body = body.into();
        self
    }

    /// Answers after `delay` of virtual time.
    pub fn delay(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }

    fn build(&self) -> Answer {
        if let Some(message) = &self.transport_error {
            return Err(Error::Transport(message.clone()));
        }
        let mut builder = http::Response::builder().status(self.status);
        for (name, value) in &self.headers {
            builder = builder.header(name, value);
        }
        builder
            .body(self.body.clone())
            .map_err(|e| Error::Transport(format!("bad scripted reply: {e}")))
    }
}

/// What the peer does with a transmit: an answer, or a transport failure.
pub type Answer = Result<http::Response<Vec<u8>>, Error>;

/// A request the peer received, and when.
#[derive(Debug)]
pub struct Received {
    /// Virtual time of arrival.
    pub at: Instant,
    /// The transmit's id.
    pub id: TransmitId,
    /// The request.
    pub request: http::Request<Vec<u8>>,
}

impl Received {
    /// The bearer token the request carried, if any.
    pub fn bearer(&self) -> Option<&str> {
        self.request
            .headers()
            .get(http::header::AUTHORIZATION)?
            .to_str()
            .ok()?
            .strip_prefix("Bearer ")
    }

    /// The request body as text (form or JSON bodies).
    pub fn body_text(&self) -> &str {
        std::str::from_utf8(self.request.body()).unwrap_or("")
    }
}

#[derive(Debug)]
struct Rule {
    method: String,
    path: String,
    replies: VecDeque<Reply>,
    /// Answer every match with the last reply (`on`), or each reply once (`once`).
    repeat: bool,
}

impl Rule {
    fn matches(&self, request: &http::Request<Vec<u8>>) -> bool {
        request.method().as_str().eq_ignore_ascii_case(&self.method)
            && request.uri().path() == self.path
    }
}

/// A scripted HTTP peer. Requests are matched by method and URL path; the
/// first armed [`FakePeer::once`] reply for that route answers first, then the
/// standing [`FakePeer::on`] reply. Unscripted requests get a 404 with
/// Twitch's error body. Every request is kept for inspection.
#[derive(Debug, Default)]
pub struct FakePeer {
    once: Vec<Rule>,
    standing: Vec<Rule>,
    pending: Vec<(Instant, u64, TransmitId, Answer)>,
    received: Vec<Received>,
    order: u64,
}

impl FakePeer {
    /// A peer with no script: everything is a 404.
    pub fn new() -> FakePeer {
        FakePeer::default()
    }

    /// Answers every `method path` request with `reply` (replacing an earlier
    /// standing reply for that route).
    pub fn on(&mut self, method: &str, path: &str, reply: Reply) -> &mut FakePeer {
        self.standing
            .retain(|r| !(r.method == method && r.path == path));
        self.standing.push(Rule {
            method: method.to_owned(),
            path: path.to_owned(),
            replies: VecDeque::from([reply]),
            repeat: true,
        });
        self
    }

    /// Answers the next `method path` request with `reply`, once; several
    /// `once` replies for a route answer in the order they were given.
    pub fn once(&mut self, method: &str, path: &str, reply: Reply) -> &mut FakePeer {
        match self
            .once
            .iter_mut()
            .find(|r| r.method == method && r.path == path)
        {
            Some(rule) => rule.replies.push_back(reply),
            None => self.once.push(Rule {
                method: method.to_owned(),
                path: path.to_owned(),
                replies: VecDeque::from([reply]),
                repeat: false,
            }),
        }
        self
    }

    /// Every request received so far, in order.
    pub fn requests(&self) -> &[Received] {
        &self.received
    }

    /// How many `method path` requests were received.
    pub fn count(&self, method: &str, path: &str) -> usize {
        self.received
            .iter()
            .filter(|r| {
                r.request.method().as_str().eq_ignore_ascii_case(method)
                    && r.request.uri().path() == path
            })
            .count()
    }

    /// Forgets the requests received so far (the script stays).
    pub fn clear_requests(&mut self) {
        self.received.clear();
    }

    /// Takes a transmit at `now` and schedules its scripted answer.
    pub fn receive(&mut self, transmit: HttpTransmit, now: Instant) {
        let reply = self.reply_for(&transmit.request);
        let due = now + reply.delay;
        self.order += 1;
        self.pending
            .push((due, self.order, transmit.id, reply.build()));
        self.received.push(Received {
            at: now,
            id: transmit.id,
            request: transmit.request,
        });
    }

    fn reply_for(&mut self, request: &http::Request<Vec<u8>>) -> Reply {
        if let Some(rule) = self
            .once
            .iter_mut()
            .find(|r| !r.replies.is_empty() && r.matches(request))
        {
            if let Some(reply) = rule.replies.pop_front() {
                return reply;
            }
        }
        if let Some(rule) = self.standing.iter().find(|r| r.matches(request)) {
            if let Some(reply) = rule.replies.back().filter(|_| rule.repeat) {
                return reply.clone();
            }
        }
        Reply::json(
            404,
            r#"{"error":"Not Found","status":404,"message":"no scripted reply"}"#,
        )
    }

    /// When the next answer is due.
    pub fn next_due(&self) -> Option<Instant> {
        self.pending.iter().map(|p| p.0).min()
    }

    /// The earliest answer due at `now`, if any.
    pub fn take_due(&mut self, now: Instant) -> Option<(TransmitId, Answer)> {
        let index = self
            .pending
            .iter()
            .enumerate()
            .filter(|(_, p)| p.0 <= now)
            .min_by_key(|(_, p)| (p.0, p.1))
            .map(|(i, _)| i)?;
        let (_, _, id, answer) = self.pending.remove(index);
        Some((id, answer))
    }
}
