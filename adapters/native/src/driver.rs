//! The loop around the core's [`Session`]: transmits go out with reqwest,
//! timeouts are slept with tokio, outcomes go to the callers waiting for them.
//! Every decision (token, refresh, retry, wait) is the session's.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures::channel::oneshot;
use tokio::sync::Notify;
use twitchapi_core::auth::{TokenKind, TokenUpdate};
use twitchapi_core::helix::{Event, Session};
use twitchapi_core::machine::{CallId, HttpTransmit};
use twitchapi_core::{Error, Instant};

use crate::transport;

/// How a call ended well.
pub(crate) enum Outcome {
    /// Twitch's final answer to a Helix call.
    Answer(http::Response<Vec<u8>>),
    /// A token command succeeded.
    Ready,
}

type Listener = Arc<dyn Fn(&TokenUpdate) + Send + Sync>;
type InvalidListener = Arc<dyn Fn(TokenKind) + Send + Sync>;
type Waiter = oneshot::Sender<Result<Outcome, Error>>;

pub(crate) struct Shared {
    pub(crate) session: Session,
    waiters: HashMap<CallId, Waiter>,
    /// The runtime the transmits are spawned on: the last caller's.
    handle: Option<tokio::runtime::Handle>,
    listeners: Vec<Listener>,
    invalid_listeners: Vec<InvalidListener>,
}

pub(crate) struct Driver {
    pub(crate) http: reqwest::Client,
    state: Mutex<Shared>,
    /// Woken after every input, so waiting callers look at the new timeout.
    wake: Arc<Notify>,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // the timer task sees the driver gone and ends
        self.wake.notify_waiters();
    }
}

fn unix_now() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

impl Driver {
    pub(crate) fn new(http: reqwest::Client, mut session: Session) -> Driver {
        session.set_wall_clock(Instant::now(), unix_now());
        Driver {
            http,
            state: Mutex::new(Shared {
                session,
                waiters: HashMap::new(),
                handle: None,
                listeners: Vec::new(),
                invalid_listeners: Vec::new(),
            }),
            wake: Arc::new(Notify::new()),
        }
    }

    pub(crate) fn lock(&self) -> MutexGuard<'_, Shared> {
        // a poisoned lock only means a listener panicked; the state is intact
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn add_listener(&self, listener: Listener) {
        self.lock().listeners.push(listener);
    }

    pub(crate) fn add_invalid_listener(&self, listener: InvalidListener) {
        self.lock().invalid_listeners.push(listener);
    }

    /// Runs `f` on the session, then carries out what it produced.
    pub(crate) fn with_session<R>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Session, Instant) -> R,
    ) -> R {
        let mut state = self.lock();
        let result = f(&mut state.session, Instant::now());
        self.flush(state);
        result
    }

    /// Starts a call with `start` and waits for its outcome, sleeping through
    /// the session's timeouts meanwhile.
    pub(crate) fn run<'a>(
        self: &'a Arc<Self>,
        start: impl FnOnce(&mut Session, Instant) -> Result<CallId, Error>,
    ) -> impl Future<Output = Result<Outcome, Error>> + Send + 'a {
        let started = {
            let mut state = self.lock();
            if let Ok(handle) = tokio::runtime::Handle::try_current() {
                if state.handle.is_none() {
                    // timers with no caller waiting (the hourly token
                    // validation) need a task of their own
                    handle.spawn(Self::timers(Arc::downgrade(self)));
                }
                state.handle = Some(handle);
            }
            match start(&mut state.session, Instant::now()) {
                Ok(id) => {
                    let (tx, rx) = oneshot::channel();
                    state.waiters.insert(id, tx);
                    self.flush(state);
                    Ok((id, rx))
                }
                Err(error) => Err(error),
            }
        };
        async move {
            let (id, rx) = started?;
            self.wait(id, rx).await
        }
    }

    /// Hands the session its timeouts while no call waits (the hourly token
    /// validation); holds the driver only between sleeps, and ends with it.
    async fn timers(driver: std::sync::Weak<Self>) {
        loop {
            let Some(strong) = driver.upgrade() else {
                return;
            };
            let wake = Arc::clone(&strong.wake);
            let notified = wake.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let deadline = strong.lock().session.poll_timeout();
            drop(strong);
            let sleep = async move {
                match deadline {
                    Some(at) => tokio::time::sleep_until(at.into()).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                _ = sleep => {
                    if let Some(strong) = driver.upgrade() {
                        strong.with_session(|s, now| s.handle_timeout(now));
                    }
                }
                _ = &mut notified => {}
            }
        }
    }

    async fn wait(
        self: &Arc<Self>,
        id: CallId,
        mut rx: oneshot::Receiver<Result<Outcome, Error>>,
    ) -> Result<Outcome, Error> {
        let mut guard = CancelOnDrop {
            driver: self,
            id,
            armed: true,
        };
        loop {
            let notified = self.wake.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let deadline = self.lock().session.poll_timeout();
            let sleep = async move {
                match deadline {
                    Some(at) => tokio::time::sleep_until(at.into()).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                outcome = &mut rx => {
                    guard.armed = false;
                    return outcome.unwrap_or_else(|_| {
                        Err(Error::Transport("the call was dropped by the client".into()))
                    });
                }
                _ = sleep => self.with_session(|s, now| s.handle_timeout(now)),
                _ = &mut notified => {}
            }
        }
    }

    /// Sends out the session's transmits and delivers its events. Listeners
    /// run after the lock is released.
    fn flush(self: &Arc<Self>, mut state: MutexGuard<'_, Shared>) {
        let handle = state.handle.clone();
        let mut transmits = Vec::new();
        if handle.is_some() {
            while let Some(transmit) = state.session.poll_transmit() {
                transmits.push(transmit);
            }
        }
        let mut updates = Vec::new();
        let mut invalid = Vec::new();
        while let Some(event) = state.session.poll_event() {
            let (call, outcome) = match event {
                Event::Answer { call, response } => (call, Ok(Outcome::Answer(response))),
                Event::Failed { call, error } => (call, Err(error)),
                Event::Ready { call } => (call, Ok(Outcome::Ready)),
                Event::TokenRefreshed(update) => {
                    updates.push(update);
                    continue;
                }
                Event::TokenInvalid { kind } => {
                    tracing::warn!(target: "twitchapi::oauth", ?kind, "Twitch no longer accepts the token");
                    invalid.push(kind);
                    continue;
                }
                // a later core may add events this adapter does not know yet
                _ => continue,
            };
            if let Some(waiter) = state.waiters.remove(&call) {
                let _ = waiter.send(outcome);
            }
        }
        let listeners = if updates.is_empty() {
            Vec::new()
        } else {
            state.listeners.clone()
        };
        let invalid_listeners = if invalid.is_empty() {
            Vec::new()
        } else {
            state.invalid_listeners.clone()
        };
        drop(state);
        self.wake.notify_waiters();
        for update in &updates {
            for listener in &listeners {
                listener(update);
            }
        }
        for kind in invalid {
            for listener in &invalid_listeners {
                listener(kind);
            }
        }
        // sent after the listeners ran: a call retried after a refresh goes
        // out once the new token is stored
        if let Some(handle) = handle {
            for transmit in transmits {
                let driver = Arc::clone(self);
                handle.spawn(async move { driver.transmit(transmit).await });
            }
        }
    }

    async fn transmit(self: Arc<Self>, transmit: HttpTransmit) {
        let HttpTransmit { id, request } = transmit;
        let answer = transport::send(&self.http, request).await;
        self.with_session(|s, now| match answer {
            Ok(response) => s.handle_response(id, response, now),
            Err(error) => s.handle_transport_error(id, error, now),
        });
    }
}

/// Cancels the call in the session when its caller goes away first.
struct CancelOnDrop<'a> {
    driver: &'a Arc<Driver>,
    id: CallId,
    armed: bool,
}

impl Drop for CancelOnDrop<'_> {
    fn drop(&mut self) {
        if self.armed {
            let mut state = self.driver.lock();
            state.waiters.remove(&self.id);
            state.session.cancel(self.id);
        }
    }
}
