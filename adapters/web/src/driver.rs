//! The loop around the [`Session`]: every transmit is sent with `fetch` in a
//! task of its own and its answer fed back; events go to the callers waiting
//! for them; one `setTimeout` is armed for the session's `poll_timeout`. It
//! decides nothing: which token, what is retried and when all come out of the
//! session.
//!
//! Borrows of the session are short and never span user code or an `.await`:
//! inputs that arrive while it is borrowed (an answer, a cancel, a timer) wait
//! in `inbox` for the next [`Inner::drive`], so nothing here can panic on a
//! `RefCell`.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::{Rc, Weak};
use std::task::{Context, Poll};

use futures::channel::oneshot;
use futures::future::{AbortHandle, Abortable};
use twitchapi_core::auth::TokenUpdate;
use twitchapi_core::helix::{Event, Session};
use twitchapi_core::machine::{CallId, HttpTransmit, TransmitId};
use twitchapi_core::sorted_map::SortedMap;
use twitchapi_core::{Error, Instant};

use crate::platform;

/// The callback of [`crate::Twitch::on_token_refresh`].
pub(crate) type RefreshCallback = Rc<dyn Fn(&TokenUpdate)>;

/// How a call ended, as the session said.
#[derive(Debug)]
pub(crate) enum Outcome {
    /// Twitch's answer (a success or an error status; parse it).
    Answer(http::Response<Vec<u8>>),
    /// A token command succeeded.
    Ready,
    /// The call failed without an answer to parse.
    Failed(Error),
}

impl Outcome {
    /// The outcome of a token command.
    pub(crate) fn ready(self) -> Result<(), Error> {
        match self {
            Outcome::Ready => Ok(()),
            Outcome::Failed(error) => Err(error),
            Outcome::Answer(_) => Err(Error::Protocol(
                "a token command ended with a Helix answer".into(),
            )),
        }
    }

    /// The outcome of a Helix call.
    pub(crate) fn answer(self) -> Result<http::Response<Vec<u8>>, Error> {
        match self {
            Outcome::Answer(response) => Ok(response),
            Outcome::Failed(error) => Err(error),
            Outcome::Ready => Err(Error::Protocol(
                "a Helix call ended as a token command".into(),
            )),
        }
    }
}

/// Something that happened outside the session, to be fed into it.
enum Input {
    Answer(TransmitId, Result<http::Response<Vec<u8>>, Error>),
    Cancel(CallId),
    Timeout,
}

pub(crate) struct Inner {
    pub(crate) session: RefCell<Session>,
    waiters: RefCell<SortedMap<CallId, oneshot::Sender<Outcome>>>,
    inbox: RefCell<Vec<Input>>,
    /// The armed timer: its deadline and the handle that stops it.
    timer: RefCell<Option<(Instant, AbortHandle)>>,
    pub(crate) listeners: RefCell<Vec<RefreshCallback>>,
    pub(crate) app_id: String,
}

/// `now`, with the session told the wall clock at that instant (for
/// `Ratelimit-Reset` when an answer's `Date` cannot be read, as under CORS).
pub(crate) fn clock(session: &mut Session) -> Instant {
    let now = Instant::now();
    session.set_wall_clock(now, platform::unix_now());
    now
}

impl Inner {
    pub(crate) fn new(session: Session) -> Inner {
        Inner {
            app_id: session.helix().client_id().to_owned(),
            session: RefCell::new(session),
            waiters: RefCell::default(),
            inbox: RefCell::default(),
            timer: RefCell::default(),
            listeners: RefCell::default(),
        }
    }

    /// Starts a call with `start` and returns the future of its outcome. The
    /// caller is registered before the session is driven, so an outcome that
    /// is ready at once is not lost.
    pub(crate) fn call(
        self: &Rc<Self>,
        start: impl FnOnce(&mut Session, Instant) -> Result<CallId, Error>,
    ) -> Result<Pending, Error> {
        let call = {
            let mut session = self.session.borrow_mut();
            let now = clock(&mut session);
            start(&mut session, now)?
        };
        let (sender, receiver) = oneshot::channel();
        self.waiters.borrow_mut().insert(call, sender);
        self.drive();
        Ok(Pending {
            inner: Rc::clone(self),
            call,
            receiver,
        })
    }

    /// The calling rule: feed in what arrived, then poll transmits and events
    /// until both are empty, carrying each out, and arm the timer for
    /// `poll_timeout`. Re-entrant calls (from a callback) are harmless: a
    /// nested `drive` finds the session free and does the work itself.
    pub(crate) fn drive(self: &Rc<Self>) {
        loop {
            let Ok(mut session) = self.session.try_borrow_mut() else {
                // whoever holds the session drives after releasing it
                return;
            };
            let inputs = std::mem::take(&mut *self.inbox.borrow_mut());
            if !inputs.is_empty() {
                let now = clock(&mut session);
                for input in inputs {
                    match input {
                        Input::Answer(id, Ok(response)) => {
                            session.handle_response(id, response, now)
                        }
                        Input::Answer(id, Err(error)) => {
                            session.handle_transport_error(id, error, now)
                        }
                        Input::Cancel(call) => session.cancel(call),
                        Input::Timeout => session.handle_timeout(now),
                    }
                }
            }
            let transmits: Vec<HttpTransmit> =
                std::iter::from_fn(|| session.poll_transmit()).collect();
            let events: Vec<Event> = std::iter::from_fn(|| session.poll_event()).collect();
            let deadline = session.poll_timeout();
            drop(session);
            if transmits.is_empty() && events.is_empty() && self.inbox.borrow().is_empty() {
                self.arm(deadline);
                return;
            }
            for transmit in transmits {
                platform::spawn(send(Rc::downgrade(self), transmit));
            }
            for event in events {
                self.dispatch(event);
            }
        }
    }

    fn dispatch(&self, event: Event) {
        let (call, outcome) = match event {
            Event::Answer { call, response } => (call, Outcome::Answer(response)),
            Event::Failed { call, error } => (call, Outcome::Failed(error)),
            Event::Ready { call } => (call, Outcome::Ready),
            Event::TokenRefreshed(update) => {
                // a copy: a listener may add listeners
                let listeners = self.listeners.borrow().clone();
                for listener in listeners {
                    listener(&update);
                }
                return;
            }
            // `Event` is non-exhaustive: what this adapter does not know has no waiter
            _ => return,
        };
        let waiter = self.waiters.borrow_mut().remove(&call);
        if let Some(waiter) = waiter {
            // a receiver that is gone was cancelled; nothing to tell
            let _ = waiter.send(outcome);
        }
    }

    fn push(self: &Rc<Self>, input: Input) {
        self.inbox.borrow_mut().push(input);
        self.drive();
    }

    /// Keeps one timer armed for `deadline` (none for `None`).
    fn arm(self: &Rc<Self>, deadline: Option<Instant>) {
        let mut timer = self.timer.borrow_mut();
        if timer.as_ref().map(|(at, _)| *at) == deadline {
            return;
        }
        if let Some((_, handle)) = timer.take() {
            handle.abort();
        }
        let Some(at) = deadline else {
            return;
        };
        let (handle, registration) = AbortHandle::new_pair();
        *timer = Some((at, handle));
        drop(timer);
        let millis = millis_until(at);
        let inner = Rc::downgrade(self);
        platform::spawn(async move {
            if Abortable::new(platform::sleep(millis), registration)
                .await
                .is_err()
            {
                return; // replaced by another deadline
            }
            let Some(inner) = inner.upgrade() else {
                return;
            };
            inner.timer.borrow_mut().take();
            inner.push(Input::Timeout);
        });
    }
}

/// The last handle is gone: stop the armed timer, so that nothing of this
/// client keeps the host's event loop alive (Node exits when it is empty).
impl Drop for Inner {
    fn drop(&mut self) {
        if let Some((_, handle)) = self.timer.get_mut().take() {
            handle.abort();
        }
    }
}

/// Milliseconds from now until `at`, rounded up (a timer must not fire
/// early), within what `setTimeout` accepts.
fn millis_until(at: Instant) -> u32 {
    let wait = at.saturating_duration_since(Instant::now());
    let millis = wait.as_micros().div_ceil(1000);
    u32::try_from(millis)
        .unwrap_or(u32::MAX)
        .min(i32::MAX as u32)
}

/// Sends one transmit and feeds its answer (or the failure) back.
async fn send(inner: Weak<Inner>, transmit: HttpTransmit) {
    let HttpTransmit { id, request } = transmit;
    let answer = platform::fetch(request).await;
    if let Err(error) = &answer {
        tracing::debug!(target: "twitchapi::helix", transmit = id.get(), %error, "transport failed");
    }
    if let Some(inner) = inner.upgrade() {
        inner.push(Input::Answer(id, answer));
    }
}

/// The outcome of one call. Dropping it before the outcome arrived cancels
/// the call in the session (an answer still on its way is dropped there).
pub(crate) struct Pending {
    inner: Rc<Inner>,
    call: CallId,
    receiver: oneshot::Receiver<Outcome>,
}

impl Future for Pending {
    type Output = Result<Outcome, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        Pin::new(&mut self.receiver)
            .poll(cx)
            .map(|outcome| outcome.map_err(|_| Error::Transport("the client was dropped".into())))
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        let waiting = match self.inner.waiters.try_borrow_mut() {
            Ok(mut waiters) => waiters.remove(&self.call).is_some(),
            Err(_) => false,
        };
        if waiting {
            self.inner.push(Input::Cancel(self.call));
        }
    }
}
