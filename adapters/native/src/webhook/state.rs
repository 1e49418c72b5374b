//! The state shared by the callback server, the timer task and the user's
//! calls, and the one place that carries out what the machine produced.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use futures::channel::oneshot;
use tokio::sync::{mpsc, Notify};
use twitchapi_core::webhook::{Event, HubTransmit, WebHook};
use twitchapi_core::{Error, Instant};
use uuid::Uuid;

use crate::Twitch;

/// What a subscription's callback gets: its UUID and the notification's data.
pub(crate) type Callback = Arc<dyn Fn(Uuid, &serde_json::Value) + Send + Sync>;

/// What a waiting call waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Until {
    /// The hub's 202 (the seed without `wait_for_subscription_confirm`).
    Accepted,
    /// The hub's verification.
    Verified,
}

pub(crate) struct State {
    pub(crate) machine: WebHook,
    pub(crate) callbacks: HashMap<Uuid, Callback>,
    pub(crate) waiters: HashMap<Uuid, (Until, oneshot::Sender<Result<(), Error>>)>,
    pub(crate) streams: Vec<mpsc::UnboundedSender<Event>>,
}

pub(crate) struct Inner {
    pub(crate) twitch: Twitch,
    pub(crate) state: Mutex<State>,
    /// Woken when the machine's next timeout may have moved.
    pub(crate) wake: Notify,
    pub(crate) runtime: tokio::runtime::Handle,
}

impl Inner {
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        // a poisoned lock only means a callback panicked; the state is intact
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the machine, then carries out what it produced.
    pub(crate) fn with_machine<R>(self: &Arc<Self>, f: impl FnOnce(&mut State, Instant) -> R) -> R {
        let mut state = self.lock();
        let result = f(&mut state, Instant::now());
        self.carry_out(state);
        result
    }

    /// Sends the hub requests through the Helix session, settles waiting
    /// calls, feeds the event streams, then runs callbacks without the lock.
    pub(crate) fn carry_out(self: &Arc<Self>, mut state: MutexGuard<'_, State>) {
        while let Some(transmit) = state.machine.poll_transmit() {
            let inner = Arc::clone(self);
            self.runtime
                .spawn(async move { inner.send(transmit).await });
        }
        let mut calls = Vec::new();
        while let Some(event) = state.machine.poll_event() {
            let settle = match &event {
                Event::Accepted { uuid } => Some((*uuid, Until::Accepted, Ok(()))),
                Event::Subscribed { uuid, .. }
                | Event::Renewed { uuid }
                | Event::Unsubscribed { uuid } => Some((*uuid, Until::Verified, Ok(()))),
                Event::Denied { uuid, reason, .. } => Some((
                    *uuid,
                    Until::Verified,
                    Err(Error::Api {
                        status: 0,
                        message: format!("the hub denied the subscription: {reason}"),
                    }),
                )),
                Event::Failed { uuid, error } => Some((*uuid, Until::Verified, Err(error.clone()))),
                _ => None,
            };
            if let Some((uuid, reached, outcome)) = settle {
                let done = state
                    .waiters
                    .get(&uuid)
                    .is_some_and(|(until, _)| reached == Until::Verified || *until == reached);
                if done {
                    if let Some((_, tx)) = state.waiters.remove(&uuid) {
                        let _ = tx.send(outcome);
                    }
                }
            }
            match &event {
                Event::Notification { uuid, data, .. } => {
                    if let Some(callback) = state.callbacks.get(uuid) {
                        calls.push((Arc::clone(callback), *uuid, data.clone()));
                    }
                }
                Event::Unsubscribed { uuid }
                | Event::Denied { uuid, .. }
                | Event::Expired { uuid } => {
                    state.callbacks.remove(uuid);
                }
                Event::Rejected { uuid, reason } => {
                    tracing::warn!(target: "twitchapi::webhook", ?uuid, reason = %reason, "request to the callback refused");
                }
                _ => {}
            }
            state.streams.retain(|tx| tx.send(event.clone()).is_ok());
        }
        drop(state);
        self.wake.notify_one();
        for (callback, uuid, data) in calls {
            callback(uuid, &data);
        }
    }

    async fn send(self: Arc<Self>, transmit: HubTransmit) {
        let HubTransmit { id, auth, request } = transmit;
        let answer = self.twitch.request_unsigned(request, auth).await;
        self.with_machine(|state, now| match answer {
            Ok(response) => state.machine.handle_response(id, response, now),
            Err(error) => state.machine.handle_transport_error(id, error, now),
        });
    }

    /// Sleeps until the machine's next timeout and hands it over, forever
    /// (the task is aborted when the webhook stops).
    pub(crate) async fn run_timers(self: Arc<Self>) {
        loop {
            let notified = self.wake.notified();
            tokio::pin!(notified);
            notified.as_mut().enable();
            let deadline = self.lock().machine.poll_timeout();
            let sleep = async move {
                match deadline {
                    Some(at) => tokio::time::sleep_until(at.into()).await,
                    None => std::future::pending().await,
                }
            };
            tokio::select! {
                _ = sleep => self.with_machine(|state, now| state.machine.handle_timeout(now)),
                _ = &mut notified => {}
            }
        }
    }

    /// Registers a waiter for `uuid` and waits for it.
    pub(crate) fn waiter(
        state: &mut State,
        uuid: Uuid,
        until: Until,
    ) -> oneshot::Receiver<Result<(), Error>> {
        let (tx, rx) = oneshot::channel();
        state.waiters.insert(uuid, (until, tx));
        rx
    }
}

/// The outcome a waiter got.
pub(crate) async fn outcome(rx: oneshot::Receiver<Result<(), Error>>) -> Result<(), Error> {
    rx.await
        .unwrap_or_else(|_| Err(Error::Transport("the webhook stopped".into())))
}
