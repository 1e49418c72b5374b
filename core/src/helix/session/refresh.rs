//! Single-flight token refresh inside the session: one token request per
//! token kind at a time, however many calls wait for it.

use super::{slot, Call, CallId, CallKind, Event, Purpose, Session, State};
use crate::auth::TokenKind;
use crate::machine::{after, HttpTransmit, TransmitId};
use crate::AuthScope;
use crate::{Duration, Error, Instant};

/// The longest backoff after transient token-endpoint failures.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

impl Session {
    /// Fetches a new app token by client credentials with these scopes (the
    /// seed's `authenticate_app`). Ends with [`Event::Ready`] or [`Event::Failed`].
    pub fn authenticate_app(&mut self, scopes: Vec<AuthScope>, now: Instant) -> CallId {
        self.tokens.set_app_scopes(scopes);
        self.token_command(TokenKind::App, now)
    }

    /// Refreshes this token now (the seed's `refresh_used_token`), whether or
    /// not it expired. Ends with [`Event::Ready`] or [`Event::Failed`].
    pub fn refresh_token(&mut self, kind: TokenKind, now: Instant) -> CallId {
        self.token_command(kind, now)
    }

    /// Refreshes the token in use now: the user token if set, else the app
    /// token (the seed's `refresh_used_token`). `Unauthorized` when neither is set.
    pub fn refresh_used_token(&mut self, now: Instant) -> Result<CallId, Error> {
        let kind = self
            .tokens
            .used_token()
            .ok_or_else(|| Error::Unauthorized("no authentication is set".into()))?;
        Ok(self.token_command(kind, now))
    }

    fn token_command(&mut self, kind: TokenKind, now: Instant) -> CallId {
        // an explicit request tries again even after a lasting failure or during a backoff
        self.tokens.clear_refresh_failure(kind);
        self.refresh[slot(kind)].backoff_until = None;
        let id = CallId(self.next_id());
        self.calls.insert(id, Call::new(CallKind::Token(kind)));
        self.advance(id, now);
        id
    }

    /// Parks call `id` until `kind` is refreshed, sending the refresh request
    /// unless one is in flight or a backoff is running.
    pub(super) fn wait_for_refresh(
        &mut self,
        id: CallId,
        kind: TokenKind,
        generation: u64,
        now: Instant,
    ) {
        if let Some(call) = self.calls.get_mut(&id) {
            call.state = State::Refreshing(kind);
        }
        let s = &self.refresh[slot(kind)];
        if s.in_flight.is_some() || s.backoff_until.is_some_and(|at| now < at) {
            return;
        }
        match self.tokens.refresh_request(kind, &self.oauth) {
            Ok(request) => {
                let tid = TransmitId(self.next_id());
                self.refresh[slot(kind)].in_flight = Some(tid);
                self.refresh[slot(kind)].backoff_until = None;
                self.in_flight
                    .insert(tid, Purpose::Refresh { kind, generation });
                tracing::info!(target: "twitchapi::oauth", ?kind, "refreshing token");
                self.transmits.push_back(HttpTransmit { id: tid, request });
            }
            Err(error) => {
                // no client secret, no refresh token: nothing will change that
                self.tokens.record_refresh_failure(kind, generation, &error);
                self.fail_waiting(kind, &error);
            }
        }
    }

    /// The token endpoint answered (or the transport failed) for a refresh of
    /// `kind` at `generation`.
    pub(super) fn refresh_answered(
        &mut self,
        kind: TokenKind,
        generation: u64,
        answer: Result<http::Response<Vec<u8>>, Error>,
        now: Instant,
    ) {
        self.refresh[slot(kind)].in_flight = None;
        if !self.tokens.is_current(kind, generation) {
            // the token was replaced while the refresh was out: the newer one wins
            tracing::debug!(target: "twitchapi::oauth", ?kind, "refresh answer for a replaced token dropped");
            self.requeue_waiting(kind, now);
            return;
        }
        let outcome = match answer {
            Ok(response) => {
                let status = response.status();
                self.tokens
                    .handle_refresh_response(kind, &response, now)
                    .map_err(|e| {
                        let lasting = matches!(e, Error::InvalidRefreshToken)
                            || (status.is_client_error() && status.as_u16() != 429);
                        (e, lasting)
                    })
            }
            Err(error) => Err((error, false)),
        };
        match outcome {
            Ok(update) => {
                let s = &mut self.refresh[slot(kind)];
                s.failures = 0;
                s.backoff_until = None;
                self.events.push_back(Event::TokenRefreshed(update));
                if kind == TokenKind::User {
                    self.schedule_validation(now);
                }
                self.requeue_waiting(kind, now);
            }
            Err((error, lasting)) => {
                let error = match error {
                    e @ (Error::InvalidRefreshToken
                    | Error::Backend { .. }
                    | Error::Transport(_)
                    | Error::Authorization(_)) => e,
                    other => Error::Authorization(format!("token refresh failed: {other}")),
                };
                if lasting {
                    tracing::warn!(target: "twitchapi::oauth", ?kind, %error, "token refresh failed for good");
                    self.tokens.record_refresh_failure(kind, generation, &error);
                } else {
                    let s = &mut self.refresh[slot(kind)];
                    s.failures = s.failures.saturating_add(1);
                    let base = self
                        .config
                        .refresh_backoff
                        .saturating_mul(1 << (s.failures - 1).min(16))
                        .min(MAX_BACKOFF);
                    let wait = self.rng.jitter(base);
                    self.refresh[slot(kind)].backoff_until = after(now, wait);
                    tracing::warn!(target: "twitchapi::oauth", ?kind, %error, "token refresh failed, backing off");
                }
                self.fail_waiting(kind, &error);
            }
        }
    }

    /// The refresh of `kind` is over: token commands waiting for it are done,
    /// calls go back to the queue.
    fn requeue_waiting(&mut self, kind: TokenKind, now: Instant) {
        let waiting: Vec<CallId> = self
            .calls
            .iter()
            .filter(|(_, c)| c.state == State::Refreshing(kind))
            .map(|(id, _)| *id)
            .collect();
        for id in waiting {
            let call = self.calls.get_mut(&id).expect("listed above");
            if matches!(call.kind, CallKind::Token(_)) {
                self.calls.remove(&id);
                self.events.push_back(Event::Ready { call: id });
            } else {
                call.state = State::Queued;
            }
        }
        self.pump(now);
    }

    fn fail_waiting(&mut self, kind: TokenKind, error: &Error) {
        let waiting: Vec<CallId> = self
            .calls
            .iter()
            .filter(|(_, c)| c.state == State::Refreshing(kind))
            .map(|(id, _)| *id)
            .collect();
        for id in waiting {
            self.fail(id, error.clone());
        }
    }
}
