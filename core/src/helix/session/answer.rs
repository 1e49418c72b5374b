//! What the session does with an answer to a call: finish it, or retry it
//! (401 refresh, 5xx resend, 429 wait).

use http::{Method, StatusCode};

use super::{slot, CallId, Purpose, Session, State};
use crate::helix::{error_message, RateLimit};
use crate::machine::{after, TransmitId};
use crate::{Duration, Error, Instant};

/// The wait when a 429 says nothing usable about its reset.
const UNKNOWN_RESET_WAIT: Duration = Duration::from_secs(1);

/// The answer's `Date` header in unix seconds.
pub(super) fn server_date<B>(response: &http::Response<B>) -> Option<u64> {
    let value = response.headers().get(http::header::DATE)?.to_str().ok()?;
    let at = httpdate::parse_http_date(value.trim()).ok()?;
    at.duration_since(std::time::UNIX_EPOCH)
        .ok()
        .map(|d| d.as_secs())
}

impl Session {
    /// The answer to transmit `id` arrived.
    pub fn handle_response(
        &mut self,
        id: TransmitId,
        response: http::Response<Vec<u8>>,
        now: Instant,
    ) {
        match self.in_flight.remove(&id) {
            Some(Purpose::Call(call)) => self.call_answered(call, response, now),
            Some(Purpose::Refresh { kind, generation }) => {
                self.refresh_answered(kind, generation, Ok(response), now)
            }
            Some(Purpose::Validate { generation }) => {
                self.validation_answered(generation, Ok(response), now)
            }
            Some(Purpose::Cancelled(bucket)) => {
                if let Some((kind, ended_at_send)) = bucket {
                    let headers = RateLimit::from_headers(response.headers());
                    let date = server_date(&response);
                    self.buckets[slot(kind)].on_answer(
                        now,
                        ended_at_send,
                        headers.map(|r| (r.limit, r.remaining, r.reset)),
                        date,
                    );
                }
            }
            None => {
                tracing::debug!(target: "twitchapi::helix", transmit = id.0, "answer to an unknown transmit dropped");
            }
        }
        self.pump(now);
    }

    /// Transmit `id` failed without an answer. A call fails with `error` (it
    /// is not sent again: a create may have reached Twitch); a token request
    /// counts as a transient refresh failure.
    pub fn handle_transport_error(&mut self, id: TransmitId, error: Error, now: Instant) {
        match self.in_flight.remove(&id) {
            Some(Purpose::Call(call)) => {
                if let Some(kind) = self
                    .calls
                    .get(&call)
                    .and_then(|c| c.used.as_ref())
                    .map(|u| u.kind)
                {
                    self.buckets[slot(kind)].on_lost();
                }
                self.fail(call, error);
            }
            Some(Purpose::Refresh { kind, generation }) => {
                self.refresh_answered(kind, generation, Err(error), now)
            }
            Some(Purpose::Validate { generation }) => {
                self.validation_answered(generation, Err(error), now)
            }
            Some(Purpose::Cancelled(Some((kind, _)))) => self.buckets[slot(kind)].on_lost(),
            Some(Purpose::Cancelled(None)) | None => {}
        }
        self.pump(now);
    }

    fn call_answered(&mut self, id: CallId, response: http::Response<Vec<u8>>, now: Instant) {
        let date = server_date(&response);
        let limits = RateLimit::from_headers(response.headers());
        let wall = self.unix_at(now).map(|d| d.as_secs());
        let Some(call) = self.calls.get_mut(&id) else {
            return;
        };
        let used = call.used.take();
        let ended_at_send = call.ended_at_send;
        if let Some(used) = &used {
            self.buckets[slot(used.kind)].on_answer(
                now,
                ended_at_send,
                limits.map(|r| (r.limit, r.remaining, r.reset)),
                date,
            );
        }
        let status = response.status();
        let call = self.calls.get_mut(&id).expect("checked above");
        let next = match status.as_u16() {
            401 => {
                let message = error_message(status, response.body());
                match used {
                    Some(used) if !call.refreshed && !message.starts_with("Missing scope") => {
                        call.refreshed = true;
                        let refresh = self.tokens.reject(used.kind, used.generation);
                        if refresh || !self.tokens.is_current(used.kind, used.generation) {
                            tracing::warn!(target: "twitchapi::helix", kind = ?used.kind, "token rejected");
                            Some(State::Queued)
                        } else {
                            None
                        }
                    }
                    _ => None,
                }
            }
            429 if call.rate_limited < self.config.rate_limit_retries => {
                let server_now = date.or(wall);
                let wait = match (limits.map(|r| r.reset), server_now) {
                    (Some(reset), Some(server_now)) if reset > server_now => {
                        Duration::from_secs(reset - server_now)
                    }
                    _ => UNKNOWN_RESET_WAIT,
                };
                if let Some(used) = &used {
                    self.buckets[slot(used.kind)].hold(now, wait);
                }
                if wait > self.config.max_rate_limit_wait {
                    None
                } else {
                    call.rate_limited += 1;
                    tracing::warn!(target: "twitchapi::helix", wait_ms = wait.as_millis() as u64, "rate limited, waiting for the reset");
                    after(now, wait).map(State::Sleeping)
                }
            }
            500..=599 if !call.backend_retried && resend_on(&call.kind, status) => {
                call.backend_retried = true;
                let delay = self.rng.jitter(self.config.backend_retry_delay);
                tracing::warn!(target: "twitchapi::helix", status = status.as_u16(), "backend error, sending again");
                after(now, delay).map(State::Sleeping)
            }
            _ => None,
        };
        match next {
            Some(state) => {
                call.state = state;
                if state == State::Queued {
                    self.advance(id, now);
                }
            }
            None => self.finish(id, response),
        }
    }
}

/// Whether a 5xx answer may be sent again: GET, PUT and DELETE are idempotent;
/// a POST or PATCH only on 503, when Twitch did not process it.
fn resend_on(kind: &super::CallKind, status: StatusCode) -> bool {
    let super::CallKind::Helix { request, .. } = kind else {
        return false;
    };
    let method = request.method();
    *method == Method::GET
        || *method == Method::PUT
        || *method == Method::DELETE
        || status == StatusCode::SERVICE_UNAVAILABLE
}
