//! [`WebHook`]: the subscriber side of Twitch's (retired) WebSub hub as a machine.

use std::collections::{HashMap, VecDeque};

use http::header;
use url::form_urlencoded;
use uuid::Uuid;

use super::config::{WebHookConfig, LEASE_RANGE, RENEW_MARGIN, RENEW_RETRY};
use super::dedupe::RecentIds;
use super::event::{Event, HubTransmit};
use super::topic::WebhookTopic;
use crate::helix::{error_for_status, error_message, Auth, Helix};
use crate::machine::{after, earliest, Rng, TransmitId};
use crate::{Duration, Error, Instant, Secret};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Subscribe,
    Unsubscribe,
}

impl Mode {
    fn wire(self) -> &'static str {
        match self {
            Mode::Subscribe => "subscribe",
            Mode::Unsubscribe => "unsubscribe",
        }
    }
}

/// A hub request of a subscription, until the hub verifies it (or not).
#[derive(Debug)]
pub(crate) struct Intent {
    pub(crate) mode: Mode,
    /// The request was handed out (the verification may come before the 202).
    pub(crate) sent: bool,
    pub(crate) renewal: bool,
    pub(crate) deadline: Option<Instant>,
}

#[derive(Debug)]
pub(crate) struct Sub {
    pub(crate) topic: Option<WebhookTopic>,
    pub(crate) hub_topic: String,
    pub(crate) callback: String,
    /// The path a request for it arrives on, below the prefix (no slashes around).
    pub(crate) path: String,
    pub(crate) auth: Auth,
    /// When the current lease ends; `None` until the first verification.
    pub(crate) expires_at: Option<Instant>,
    pub(crate) renew_at: Option<Instant>,
    pub(crate) intent: Option<Intent>,
}

/// The subscriber side of Twitch's WebSub hub: builds hub requests, answers the
/// hub's verification requests and notifications, renews leases.
///
/// Inputs: user commands ([`WebHook::subscribe`], [`WebHook::unsubscribe`],
/// [`WebHook::renew`], ...), [`WebHook::handle_response`] for hub requests,
/// [`WebHook::handle_request`] for every request to the callback server,
/// [`WebHook::handle_timeout`]. Outputs: [`WebHook::poll_transmit`],
/// [`WebHook::poll_event`], [`WebHook::poll_timeout`]. After any input, poll
/// until empty. Bad input (a forged notification, a stray verification) is
/// answered and reported as [`Event::Rejected`], never a panic.
///
/// ```
/// use twitchapi_core::helix::Helix;
/// use twitchapi_core::webhook::{Event, WebHook, WebHookConfig, WebhookTopic};
/// use twitchapi_core::{Instant, Secret};
///
/// let now = Instant::now();
/// let mut hook = WebHook::new(
///     &Helix::new("client-id"),
///     WebHookConfig::new("https://hooks.example.com/twitch"),
///     Secret::new("my secret"),
///     7,
/// );
/// hook.start(now).unwrap();
/// let uuid = hook.subscribe(WebhookTopic::StreamChanged { user_id: "1337".into() }, now).unwrap();
/// let hub = hook.poll_transmit().unwrap();
/// assert_eq!(hub.request.uri(), "https://api.twitch.tv/helix/webhooks/hub");
///
/// // the hub's verification request, answered with the challenge
/// let topic = "https://api.twitch.tv/helix/streams?user_id=1337";
/// let uri = format!(
///     "/twitch/streams?uuid={uuid}&hub.mode=subscribe&hub.topic={}&hub.lease_seconds=600&hub.challenge=abc",
///     url::form_urlencoded::byte_serialize(topic.as_bytes()).collect::<String>(),
/// );
/// let request = http::Request::get(uri).body(Vec::new()).unwrap();
/// let answer = hook.handle_request(request, now);
/// assert_eq!((answer.status().as_u16(), answer.body().as_slice()), (200, &b"abc"[..]));
/// assert_eq!(hook.poll_event(), Some(Event::Subscribed { uuid, topic: topic.into() }));
/// ```
pub struct WebHook {
    pub(crate) hub_url: String,
    pub(crate) client_id: String,
    pub(crate) secret: Secret,
    pub(crate) config: WebHookConfig,
    /// `callback_url` without a trailing `/`.
    pub(crate) base: String,
    /// The path of `callback_url`, without slashes around it.
    pub(crate) prefix: String,
    pub(crate) started: bool,
    pub(crate) subs: HashMap<Uuid, Sub>,
    pub(crate) in_flight: HashMap<TransmitId, Uuid>,
    pub(crate) transmits: VecDeque<HubTransmit>,
    pub(crate) events: VecDeque<Event>,
    pub(crate) recent: RecentIds,
    pub(crate) rng: Rng,
    pub(crate) next_id: u64,
}

impl std::fmt::Debug for WebHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WebHook")
            .field("callback_url", &self.config.callback_url)
            .field("secret", &self.secret)
            .field("started", &self.started)
            .field("subscriptions", &self.subs.len())
            .field("in_flight", &self.in_flight.len())
            .finish()
    }
}

/// Checks the seed's `authenticate` rule: a callback URL must be https, unless
/// it points at this machine (`http://127.0.0.1`, `http://localhost`, `http://[::1]`),
/// which the mock hub and tests use.
///
/// # Errors
///
/// [`Error::InvalidArgument`] for any other URL.
///
/// ```
/// use twitchapi_core::webhook::require_https_callback;
///
/// assert!(require_https_callback("https://hooks.example.com").is_ok());
/// assert!(require_https_callback("http://127.0.0.1:8080/hooks").is_ok());
/// assert!(require_https_callback("http://hooks.example.com").is_err());
/// ```
pub fn require_https_callback(callback_url: &str) -> Result<(), Error> {
    let url = parse_callback(callback_url)?;
    let loopback = matches!(
        url.host(),
        Some(url::Host::Domain("localhost"))
            | Some(url::Host::Ipv4(std::net::Ipv4Addr::LOCALHOST))
            | Some(url::Host::Ipv6(std::net::Ipv6Addr::LOCALHOST))
    );
    if url.scheme() == "https" || loopback {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "the callback URL {callback_url:?} must use https (http only on 127.0.0.1 or localhost)"
        )))
    }
}

fn parse_callback(callback_url: &str) -> Result<url::Url, Error> {
    let url = url::Url::parse(callback_url)
        .map_err(|e| Error::invalid(format!("callback URL {callback_url:?}: {e}")))?;
    if !matches!(url.scheme(), "http" | "https") || url.cannot_be_a_base() {
        return Err(Error::invalid(format!(
            "callback URL {callback_url:?} is not an http(s) URL"
        )));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::invalid(format!(
            "callback URL {callback_url:?} must not have a query or fragment"
        )));
    }
    Ok(url)
}

impl WebHook {
    /// A webhook whose hub requests go to `helix`'s base URL (`/webhooks/hub`)
    /// with its client id, signed by notifications with `secret`; `seed` feeds
    /// the generator of subscription UUIDs.
    pub fn new(helix: &Helix, config: WebHookConfig, secret: Secret, seed: u64) -> WebHook {
        let base = config.callback_url.trim_end_matches('/').to_owned();
        let prefix = url::Url::parse(&base)
            .map(|u| u.path().trim_matches('/').to_owned())
            .unwrap_or_default();
        WebHook {
            hub_url: format!("{}/webhooks/hub", helix.base_url()),
            client_id: helix.client_id().to_owned(),
            secret,
            recent: RecentIds::new(config.dedupe_capacity),
            config,
            base,
            prefix,
            started: false,
            subs: HashMap::new(),
            in_flight: HashMap::new(),
            transmits: VecDeque::new(),
            events: VecDeque::new(),
            rng: Rng::new(seed),
            next_id: 0,
        }
    }

    /// The settings.
    pub fn config(&self) -> &WebHookConfig {
        &self.config
    }

    /// Whether [`WebHook::start`] was called (and [`WebHook::stop`] not since).
    pub fn is_running(&self) -> bool {
        self.started
    }

    /// Starts: from now on subscriptions can be made and requests are answered.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when the lease is outside 300..=864000 or
    /// the callback URL is not an http(s) URL without query; when already
    /// running, too (the seed's `RuntimeError`).
    pub fn start(&mut self, _now: Instant) -> Result<(), Error> {
        if self.started {
            return Err(Error::invalid("the webhook is already running"));
        }
        if !LEASE_RANGE.contains(&self.config.lease_seconds) {
            return Err(Error::invalid(format!(
                "subscribe_least_seconds must be in 300..=864000, not {}",
                self.config.lease_seconds
            )));
        }
        parse_callback(&self.config.callback_url)?;
        self.started = true;
        tracing::debug!(target: "twitchapi::webhook", callback = %self.base, "started");
        Ok(())
    }

    /// Stops: every subscription and hub request is forgotten (unsubscribe
    /// first to end them at the hub) and the callback answers only its health
    /// check. Start again with [`WebHook::start`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when not running.
    pub fn stop(&mut self) -> Result<(), Error> {
        if !self.started {
            return Err(Error::invalid("the webhook is not running"));
        }
        self.started = false;
        self.subs.clear();
        self.in_flight.clear();
        self.transmits.clear();
        tracing::debug!(target: "twitchapi::webhook", "stopped");
        Ok(())
    }

    /// Subscribes to `topic`: one hub request; [`Event::Subscribed`] once the
    /// hub verified it, else [`Event::Denied`] or [`Event::Failed`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] for bad ids, or when not running (nothing is sent).
    pub fn subscribe(&mut self, topic: WebhookTopic, now: Instant) -> Result<Uuid, Error> {
        if !self.started {
            return Err(Error::invalid("start the webhook before subscribing"));
        }
        let hub_topic = topic.hub_topic()?;
        let uuid = self.new_uuid();
        let path = self.path_of(topic.callback_path());
        let callback = format!("{}/{}?uuid={uuid}", self.base, topic.callback_path());
        self.subs.insert(
            uuid,
            Sub {
                auth: topic.auth(),
                topic: Some(topic),
                hub_topic,
                callback,
                path,
                expires_at: None,
                renew_at: None,
                intent: None,
            },
        );
        self.send(uuid, Mode::Subscribe, false, now);
        Ok(uuid)
    }

    /// Renews the subscription now (the seed's `renew_subscription`);
    /// [`Event::Renewed`] once the hub verified it.
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] for an unknown subscription; [`Error::InvalidArgument`]
    /// when one of its hub requests is still waiting.
    pub fn renew(&mut self, uuid: Uuid, now: Instant) -> Result<(), Error> {
        self.idle_sub(uuid)?;
        self.send(uuid, Mode::Subscribe, true, now);
        Ok(())
    }

    /// Unsubscribes; [`Event::Unsubscribed`] once the hub verified it.
    ///
    /// # Errors
    ///
    /// As [`WebHook::renew`].
    pub fn unsubscribe(&mut self, uuid: Uuid, now: Instant) -> Result<(), Error> {
        self.idle_sub(uuid)?;
        self.send(uuid, Mode::Unsubscribe, false, now);
        Ok(())
    }

    /// Unsubscribes from the subscriptions in `listed` (from Get Webhook
    /// Subscriptions) whose callback starts with this webhook's callback URL,
    /// left over from earlier runs too. Each is known by the `uuid` in its
    /// callback; one without a readable `uuid` cannot be verified and is left
    /// out. Returns the UUIDs unsubscribed.
    pub fn unsubscribe_listed(
        &mut self,
        listed: &[crate::helix::webhooks::WebhookSubscription],
        now: Instant,
    ) -> Vec<Uuid> {
        let mut started = Vec::new();
        if !self.started {
            return started;
        }
        for found in listed {
            let Some(rest) = found.callback.strip_prefix(&self.base) else {
                continue;
            };
            if !(rest.is_empty() || rest.starts_with('/') || rest.starts_with('?')) {
                continue; // another callback that merely shares the prefix
            }
            let Some(uuid) = uuid_in(&found.callback) else {
                continue;
            };
            if self.subs.get(&uuid).is_some_and(|s| {
                s.intent
                    .as_ref()
                    .is_some_and(|i| i.mode == Mode::Unsubscribe)
            }) {
                continue;
            }
            if !self.subs.contains_key(&uuid) {
                let path = rest
                    .split('?')
                    .next()
                    .unwrap_or_default()
                    .trim_matches('/')
                    .to_owned();
                self.subs.insert(
                    uuid,
                    Sub {
                        topic: None,
                        hub_topic: found.topic.clone(),
                        callback: found.callback.clone(),
                        path: self.path_of(&path),
                        auth: Auth::Either(crate::helix::Scopes::NONE),
                        expires_at: None,
                        renew_at: None,
                        intent: None,
                    },
                );
            }
            if let Some(sub) = self.subs.get_mut(&uuid) {
                sub.intent = None;
            }
            self.send(uuid, Mode::Unsubscribe, false, now);
            started.push(uuid);
        }
        started
    }

    /// The subscriptions the hub verified, with their topics.
    pub fn subscriptions(&self) -> Vec<(Uuid, String)> {
        self.subs
            .iter()
            .filter(|(_, s)| s.expires_at.is_some())
            .map(|(u, s)| (*u, s.hub_topic.clone()))
            .collect()
    }

    /// The next hub request to send.
    pub fn poll_transmit(&mut self) -> Option<HubTransmit> {
        let transmit = self.transmits.pop_front()?;
        if let Some(uuid) = self.in_flight.get(&transmit.id) {
            if let Some(intent) = self.subs.get_mut(uuid).and_then(|s| s.intent.as_mut()) {
                intent.sent = true;
            }
        }
        Some(transmit)
    }

    /// The next event.
    pub fn poll_event(&mut self) -> Option<Event> {
        self.events.pop_front()
    }

    /// The answer to hub request `id` (Twitch answers 202).
    pub fn handle_response(
        &mut self,
        id: TransmitId,
        response: http::Response<Vec<u8>>,
        now: Instant,
    ) {
        let Some(uuid) = self.in_flight.remove(&id) else {
            return;
        };
        let status = response.status();
        if status.is_success() {
            tracing::debug!(target: "twitchapi::webhook", %uuid, status = status.as_u16(), "hub accepted");
            if self.subs.contains_key(&uuid) {
                self.events.push_back(Event::Accepted { uuid });
            }
            return;
        }
        let message = error_message(status, response.body());
        self.fail(uuid, error_for_status(status, message, None), now);
    }

    /// Hub request `id` could not be sent or got no answer.
    pub fn handle_transport_error(&mut self, id: TransmitId, error: Error, now: Instant) {
        if let Some(uuid) = self.in_flight.remove(&id) {
            self.fail(uuid, error, now);
        }
    }

    /// When [`WebHook::handle_timeout`] wants to be called next.
    pub fn poll_timeout(&self) -> Option<Instant> {
        let mut next = None;
        for sub in self.subs.values() {
            match &sub.intent {
                Some(intent) => next = earliest(next, intent.deadline),
                None => {
                    if self.config.auto_renew {
                        next = earliest(next, sub.renew_at);
                    }
                }
            }
            next = earliest(next, sub.expires_at);
        }
        next
    }

    /// Time has reached `now`: confirm deadlines, renewals, expired leases.
    pub fn handle_timeout(&mut self, now: Instant) {
        let mut late = Vec::new();
        let mut renew = Vec::new();
        let mut expired = Vec::new();
        for (uuid, sub) in &self.subs {
            match &sub.intent {
                Some(intent) => {
                    if intent.deadline.is_some_and(|at| at <= now) {
                        late.push(*uuid);
                    }
                }
                None => {
                    if sub.expires_at.is_some_and(|at| at <= now) {
                        expired.push(*uuid);
                    } else if self.config.auto_renew && sub.renew_at.is_some_and(|at| at <= now) {
                        renew.push(*uuid);
                    }
                }
            }
        }
        for uuid in late {
            self.fail(uuid, Error::ListenTimeout, now);
        }
        for uuid in expired {
            self.subs.remove(&uuid);
            tracing::debug!(target: "twitchapi::webhook", %uuid, "lease expired");
            self.events.push_back(Event::Expired { uuid });
        }
        for uuid in renew {
            tracing::debug!(target: "twitchapi::webhook", %uuid, "renewing");
            self.send(uuid, Mode::Subscribe, true, now);
        }
    }

    fn idle_sub(&self, uuid: Uuid) -> Result<(), Error> {
        match self.subs.get(&uuid) {
            None => Err(Error::NotFound(format!("no webhook subscription {uuid}"))),
            Some(sub) if sub.intent.is_some() => Err(Error::invalid(format!(
                "a hub request of subscription {uuid} is still waiting"
            ))),
            Some(_) => Ok(()),
        }
    }

    /// Queues the hub request of `mode` for `uuid` and waits for its verification.
    fn send(&mut self, uuid: Uuid, mode: Mode, renewal: bool, now: Instant) {
        let Some(sub) = self.subs.get_mut(&uuid) else {
            return;
        };
        let mut form = form_urlencoded::Serializer::new(String::new());
        form.append_pair("hub.callback", &sub.callback)
            .append_pair("hub.mode", mode.wire())
            .append_pair("hub.topic", &sub.hub_topic)
            .append_pair("hub.lease_seconds", &self.config.lease_seconds.to_string())
            .append_pair("hub.secret", self.secret.expose());
        let request = http::Request::post(&self.hub_url)
            .header(crate::helix::headers::CLIENT_ID, &self.client_id)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(form.finish().into_bytes());
        let request = match request {
            Ok(request) => request,
            Err(e) => {
                let error = Error::invalid(format!("cannot build the hub request: {e}"));
                self.events.push_back(Event::Failed { uuid, error });
                if !renewal && mode == Mode::Subscribe {
                    self.subs.remove(&uuid);
                }
                return;
            }
        };
        sub.intent = Some(Intent {
            mode,
            sent: false,
            renewal,
            deadline: after(now, self.config.confirm_timeout),
        });
        let auth = sub.auth.clone();
        self.next_id += 1;
        let id = TransmitId(self.next_id);
        self.in_flight.insert(id, uuid);
        tracing::debug!(target: "twitchapi::webhook", %uuid, mode = mode.wire(), topic = %sub.hub_topic, "hub request");
        self.transmits.push_back(HubTransmit { id, auth, request });
    }

    /// A hub request of `uuid` failed (or was not verified in time).
    pub(crate) fn fail(&mut self, uuid: Uuid, error: Error, now: Instant) {
        let Some(sub) = self.subs.get_mut(&uuid) else {
            return;
        };
        let Some(intent) = sub.intent.take() else {
            return; // verified already: a late error changes nothing
        };
        self.in_flight.retain(|_, u| *u != uuid);
        tracing::debug!(target: "twitchapi::webhook", %uuid, %error, "hub request failed");
        match (intent.mode, intent.renewal) {
            (Mode::Subscribe, false) if sub.expires_at.is_none() => {
                self.subs.remove(&uuid);
            }
            (Mode::Subscribe, _) => {
                // the lease still runs: try again soon (handle_timeout renews at renew_at)
                sub.renew_at =
                    after(now, RENEW_RETRY).map(|at| sub.expires_at.map_or(at, |end| at.min(end)));
            }
            (Mode::Unsubscribe, _) => {
                if sub.expires_at.is_none() {
                    // a leftover from an earlier run: nothing of it is ours to keep
                    self.subs.remove(&uuid);
                }
            }
        }
        self.events.push_back(Event::Failed { uuid, error });
    }

    pub(crate) fn path_of(&self, tail: &str) -> String {
        tail.trim_matches('/').to_owned()
    }

    fn new_uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.rng.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

/// The `uuid` query parameter of a URL or request target.
pub(crate) fn uuid_in(target: &str) -> Option<Uuid> {
    let query = target.split_once('?')?.1;
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "uuid")
        .and_then(|(_, v)| Uuid::parse_str(&v).ok())
}

/// When to renew a lease of `lease` starting `now`: one minute before its
/// end; a lease of two minutes or less (only a hub can grant one) is renewed
/// at half its length.
pub(crate) fn renew_time(now: Instant, lease: Duration) -> Option<Instant> {
    let margin = if lease > RENEW_MARGIN * 2 {
        RENEW_MARGIN
    } else {
        lease / 2
    };
    after(now, lease - margin)
}
