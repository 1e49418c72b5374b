//! The seed's `TwitchWebHook` (Twitch's legacy WebSub webhooks): a callback
//! server (axum, TLS optional) and a timer task around the core's
//! [`twitchapi_core::webhook::WebHook`] machine, which makes every decision
//! (hub requests, verification, signatures, repeats, renewals). Hub requests
//! go out through the [`Twitch`] client's session: its tokens, refresh and
//! rate limits.

mod server;
mod state;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use tokio::sync::{mpsc, watch, Notify};
use tokio::task::JoinHandle;
use twitchapi_core::helix::webhooks::GetWebhookSubscriptions;
use twitchapi_core::webhook::{self as core_webhook, Event, WebHookConfig, WebhookTopic};
use twitchapi_core::{Error, Instant, Secret};
use uuid::Uuid;

pub use crate::serve::tls_config_from_pem;
use state::{outcome, Inner, State, Until};

use crate::Twitch;

/// The seed's `twitchAPI.webhook.TwitchWebHook`.
///
/// Set the public fields before [`TwitchWebHook::start`]; later changes have
/// no effect until the next start. Every notification's signature is checked
/// with [`TwitchWebHook::secret`] (random unless set); forged ones are
/// answered 403 and never reach a callback.
///
/// ```no_run
/// # async fn run(twitch: twitchapi::Twitch) -> Result<(), twitchapi::Error> {
/// use twitchapi::TwitchWebHook;
///
/// let mut hook = TwitchWebHook::new("https://hooks.example.com:8080", twitch.app_id(), 8080);
/// hook.authenticate(&twitch)?;
/// hook.start().await?;
/// let uuid = hook
///     .subscribe_stream_changed("141981764", |uuid, data| println!("{uuid}: {data}"))
///     .await?;
/// hook.unsubscribe(uuid).await?;
/// hook.stop().await?;
/// # Ok(()) }
/// ```
pub struct TwitchWebHook {
    /// The public URL of the callback server (a path prefix is allowed).
    pub callback_url: String,
    /// The address the server listens on (default `127.0.0.1`; put it behind
    /// a TLS-terminating proxy, or set [`TwitchWebHook::tls`]).
    pub host: String,
    /// The port the server listens on.
    pub port: u16,
    /// The secret sent as `hub.secret`; notifications are verified with it.
    pub secret: Secret,
    /// The lease asked for, in seconds: 300..=864000 (default 600).
    pub subscribe_least_seconds: u32,
    /// Renew subscriptions one minute before they run out (default true).
    pub auto_renew_subscription: bool,
    /// Make `subscribe_*`, `renew_subscription` and `unsubscribe` wait for
    /// the hub's verification (default true); else they return on the hub's 202.
    pub wait_for_subscription_confirm: bool,
    /// How long a verification may take (default 30 s).
    pub wait_for_subscription_confirm_timeout: Duration,
    /// Unsubscribe from everything on [`TwitchWebHook::stop`] (default true).
    pub unsubscribe_on_stop: bool,
    /// Serve HTTPS with this configuration (the seed's `ssl_context`); see
    /// [`tls_config_from_pem`].
    pub tls: Option<Arc<rustls::ServerConfig>>,
    /// The seed of the machine's UUID generator (random unless set).
    pub seed: Option<u64>,
    api_client_id: String,
    twitch: Option<Twitch>,
    running: Option<Running>,
}

struct Running {
    inner: Arc<Inner>,
    addr: SocketAddr,
    shutdown: watch::Sender<bool>,
    server: JoinHandle<()>,
    timers: JoinHandle<()>,
}

impl std::fmt::Debug for TwitchWebHook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TwitchWebHook")
            .field("callback_url", &self.callback_url)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("secret", &self.secret)
            .field("running", &self.running.is_some())
            .finish()
    }
}

fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos(),
    );
    hasher.finish()
}

/// A random secret of 32 hex digits (the seed's random `secret`).
fn random_secret() -> Secret {
    Secret::new(format!("{:016x}{:016x}", random_u64(), random_u64()))
}

impl TwitchWebHook {
    /// A webhook for `callback_url`, listening on 127.0.0.1:`port`, for the
    /// app `api_client_id` (the seed's constructor).
    pub fn new(
        callback_url: impl Into<String>,
        api_client_id: impl Into<String>,
        port: u16,
    ) -> Self {
        TwitchWebHook {
            callback_url: callback_url.into(),
            host: "127.0.0.1".into(),
            port,
            secret: random_secret(),
            subscribe_least_seconds: 600,
            auto_renew_subscription: true,
            wait_for_subscription_confirm: true,
            wait_for_subscription_confirm_timeout: Duration::from_secs(30),
            unsubscribe_on_stop: true,
            tls: None,
            seed: None,
            api_client_id: api_client_id.into(),
            twitch: None,
            running: None,
        }
    }

    /// Sets the client whose session sends the hub requests (app or user
    /// token, whichever each topic needs).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when the callback URL is not https (http is
    /// allowed on 127.0.0.1 and localhost only), or the client belongs to
    /// another app than `api_client_id`.
    pub fn authenticate(&mut self, twitch: &Twitch) -> Result<(), Error> {
        core_webhook::require_https_callback(&self.callback_url)?;
        if twitch.app_id() != self.api_client_id {
            return Err(Error::invalid(format!(
                "the client belongs to app {:?}, the webhook to {:?}",
                twitch.app_id(),
                self.api_client_id
            )));
        }
        self.twitch = Some(twitch.clone());
        Ok(())
    }

    /// Starts the callback server and the timers (the seed's `start`).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when already running, before
    /// [`TwitchWebHook::authenticate`], or for a lease outside 300..=864000;
    /// [`Error::Transport`] when the address cannot be bound or there is no
    /// tokio runtime.
    pub async fn start(&mut self) -> Result<(), Error> {
        if self.running.is_some() {
            return Err(Error::invalid("the webhook is already running"));
        }
        let twitch = self
            .twitch
            .clone()
            .ok_or_else(|| Error::invalid("call authenticate(twitch) before start()"))?;
        let runtime = tokio::runtime::Handle::try_current()
            .map_err(|_| Error::Transport("TwitchWebHook::start needs a tokio runtime".into()))?;
        let mut config = WebHookConfig::new(self.callback_url.clone());
        config.lease_seconds = self.subscribe_least_seconds;
        config.auto_renew = self.auto_renew_subscription;
        config.confirm_timeout = self.wait_for_subscription_confirm_timeout;
        let mut machine = core_webhook::WebHook::new(
            twitch.helix(),
            config,
            self.secret.clone(),
            self.seed.unwrap_or_else(random_u64),
        );
        machine.start(Instant::now())?;
        let listener = tokio::net::TcpListener::bind((self.host.as_str(), self.port))
            .await
            .map_err(|e| Error::Transport(format!("bind {}:{}: {e}", self.host, self.port)))?;
        let addr = listener
            .local_addr()
            .map_err(|e| Error::Transport(e.to_string()))?;
        let inner = Arc::new(Inner {
            twitch,
            state: Mutex::new(State {
                machine,
                callbacks: HashMap::new(),
                waiters: HashMap::new(),
                streams: Vec::new(),
            }),
            wake: Notify::new(),
            runtime: runtime.clone(),
        });
        let (shutdown, stop) = watch::channel(false);
        let server = runtime.spawn(server::serve(
            listener,
            self.tls.clone(),
            Arc::clone(&inner),
            stop,
        ));
        let timers = runtime.spawn(Arc::clone(&inner).run_timers());
        tracing::info!(target: "twitchapi::webhook", %addr, callback = %self.callback_url, "webhook started");
        self.running = Some(Running {
            inner,
            addr,
            shutdown,
            server,
            timers,
        });
        Ok(())
    }

    /// Stops (the seed's `stop`): with `unsubscribe_on_stop`, unsubscribes
    /// from every subscription first and waits for the hub's verifications.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when not running.
    pub async fn stop(&mut self) -> Result<(), Error> {
        let running = self
            .running
            .take()
            .ok_or_else(|| Error::invalid("the webhook is not running"))?;
        if self.unsubscribe_on_stop {
            let waits: Vec<_> = running.inner.with_machine(|state, now| {
                let uuids: Vec<Uuid> = state
                    .machine
                    .subscriptions()
                    .into_iter()
                    .map(|(u, _)| u)
                    .collect();
                let mut waits = Vec::new();
                for uuid in uuids {
                    if state.machine.unsubscribe(uuid, now).is_ok() {
                        waits.push(Inner::waiter(state, uuid, Until::Verified));
                    }
                }
                waits
            });
            for rx in waits {
                if let Err(e) = outcome(rx).await {
                    tracing::warn!(target: "twitchapi::webhook", error = %e, "unsubscribe on stop failed");
                }
            }
        }
        running.inner.with_machine(|state, _| {
            let _ = state.machine.stop();
            state.waiters.clear();
            state.streams.clear();
        });
        running.timers.abort();
        let _ = running.shutdown.send(true);
        let _ = running.server.await;
        tracing::info!(target: "twitchapi::webhook", "webhook stopped");
        Ok(())
    }

    /// The address the server listens on, while running (with port 0 the
    /// system picks one).
    pub fn local_addr(&self) -> Option<SocketAddr> {
        self.running.as_ref().map(|r| r.addr)
    }

    fn inner(&self) -> Result<&Arc<Inner>, Error> {
        self.running
            .as_ref()
            .map(|r| &r.inner)
            .ok_or_else(|| Error::invalid("start the webhook first"))
    }

    fn until(&self) -> Until {
        if self.wait_for_subscription_confirm {
            Until::Verified
        } else {
            Until::Accepted
        }
    }

    /// Every event of the machine (subscribed, notifications, renewals,
    /// rejections, ...) as a stream; empty unless running.
    pub fn events(&self) -> futures::stream::BoxStream<'static, Event> {
        let (tx, rx) = mpsc::unbounded_channel();
        if let Ok(inner) = self.inner() {
            inner.lock().streams.push(tx);
        }
        futures::stream::unfold(rx, |mut rx| async move { rx.recv().await.map(|e| (e, rx)) })
            .boxed()
    }

    /// Subscribes to any topic with `callback`; waits as
    /// `wait_for_subscription_confirm` says.
    ///
    /// # Errors
    ///
    /// Bad ids ([`Error::InvalidArgument`], nothing sent), a missing scope,
    /// the hub's refusal or denial, or [`Error::ListenTimeout`].
    pub async fn subscribe(
        &self,
        topic: WebhookTopic,
        callback: impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static,
    ) -> Result<Uuid, Error> {
        let until = self.until();
        let inner = self.inner()?;
        let (uuid, rx) = inner.with_machine(|state, now| {
            let uuid = state.machine.subscribe(topic, now)?;
            state.callbacks.insert(uuid, Arc::new(callback));
            Ok::<_, Error>((uuid, Inner::waiter(state, uuid, until)))
        })?;
        match outcome(rx).await {
            Ok(()) => Ok(uuid),
            Err(error) => {
                inner.lock().callbacks.remove(&uuid);
                Err(error)
            }
        }
    }

    /// Renews a subscription now (the seed's `renew_subscription`).
    ///
    /// # Errors
    ///
    /// [`Error::NotFound`] for an unknown UUID, else as [`TwitchWebHook::subscribe`].
    pub async fn renew_subscription(&self, uuid: Uuid) -> Result<(), Error> {
        let until = self.until();
        let rx = self.inner()?.with_machine(|state, now| {
            state.machine.renew(uuid, now)?;
            Ok::<_, Error>(Inner::waiter(state, uuid, until))
        })?;
        outcome(rx).await
    }

    /// Unsubscribes (the seed's `unsubscribe`).
    ///
    /// # Errors
    ///
    /// As [`TwitchWebHook::renew_subscription`].
    pub async fn unsubscribe(&self, uuid: Uuid) -> Result<(), Error> {
        let until = self.until();
        let rx = self.inner()?.with_machine(|state, now| {
            state.machine.unsubscribe(uuid, now)?;
            Ok::<_, Error>(Inner::waiter(state, uuid, until))
        })?;
        outcome(rx).await
    }

    /// Unsubscribes from every subscription of the app whose callback starts
    /// with [`TwitchWebHook::callback_url`], left over from earlier runs too
    /// (the seed's `unsubscribe_all`): walks Get Webhook Subscriptions (all
    /// pages, with `twitch`'s app token). `Ok(true)` when every one of them
    /// was unsubscribed.
    ///
    /// # Errors
    ///
    /// When the list cannot be read, or the webhook is not running.
    pub async fn unsubscribe_all(&self, twitch: &Twitch) -> Result<bool, Error> {
        let inner = self.inner()?;
        let mut listed = Vec::new();
        let mut pages = twitch.paginate(
            GetWebhookSubscriptions {
                first: Some(100),
                after: None,
            },
            None,
        );
        while let Some(item) = pages.next().await {
            listed.push(item?);
        }
        let until = self.until();
        let waits: Vec<_> = inner.with_machine(|state, now| {
            state
                .machine
                .unsubscribe_listed(&listed, now)
                .into_iter()
                .map(|uuid| Inner::waiter(state, uuid, until))
                .collect()
        });
        let mut all = true;
        for rx in waits {
            all &= outcome(rx).await.is_ok();
        }
        Ok(all)
    }

    /// The subscriptions the hub verified, with their `hub.topic`.
    pub fn subscriptions(&self) -> Vec<(Uuid, String)> {
        self.inner()
            .map(|inner| inner.lock().machine.subscriptions())
            .unwrap_or_default()
    }

    /// `subscribe_user_follow`: follows by `from_id`, of `to_id`, or both.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when both are `None`; else as [`TwitchWebHook::subscribe`].
    pub async fn subscribe_user_follow(
        &self,
        from_id: Option<&str>,
        to_id: Option<&str>,
        callback: impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static,
    ) -> Result<Uuid, Error> {
        let topic = WebhookTopic::UserFollow {
            from_id: from_id.map(str::to_owned),
            to_id: to_id.map(str::to_owned),
        };
        self.subscribe(topic, callback).await
    }

    /// `subscribe_stream_changed`.
    ///
    /// # Errors
    ///
    /// As [`TwitchWebHook::subscribe`].
    pub async fn subscribe_stream_changed(
        &self,
        user_id: &str,
        callback: impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static,
    ) -> Result<Uuid, Error> {
        let topic = WebhookTopic::StreamChanged {
            user_id: user_id.into(),
        };
        self.subscribe(topic, callback).await
    }

    /// `subscribe_user_changed`.
    ///
    /// # Errors
    ///
    /// As [`TwitchWebHook::subscribe`].
    pub async fn subscribe_user_changed(
        &self,
        user_id: &str,
        callback: impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static,
    ) -> Result<Uuid, Error> {
        let topic = WebhookTopic::UserChanged {
            user_id: user_id.into(),
        };
        self.subscribe(topic, callback).await
    }

    /// `subscribe_extension_transaction_created` (app token).
    ///
    /// # Errors
    ///
    /// As [`TwitchWebHook::subscribe`].
    pub async fn subscribe_extension_transaction_created(
        &self,
        extension_id: &str,
        callback: impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static,
    ) -> Result<Uuid, Error> {
        let topic = WebhookTopic::ExtensionTransactionCreated {
            extension_id: extension_id.into(),
        };
        self.subscribe(topic, callback).await
    }

    /// `subscribe_moderator_change_events` (user token with `moderation:read`).
    ///
    /// # Errors
    ///
    /// As [`TwitchWebHook::subscribe`].
    pub async fn subscribe_moderator_change_events(
        &self,
        broadcaster_id: &str,
        user_id: Option<&str>,
        callback: impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static,
    ) -> Result<Uuid, Error> {
        let topic = WebhookTopic::ModeratorChange {
            broadcaster_id: broadcaster_id.into(),
            user_id: user_id.map(str::to_owned),
        };
        self.subscribe(topic, callback).await
    }

    /// `subscribe_channel_ban_change_events` (user token with `moderation:read`).
    ///
    /// # Errors
    ///
    /// As [`TwitchWebHook::subscribe`].
    pub async fn subscribe_channel_ban_change_events(
        &self,
        broadcaster_id: &str,
        user_id: Option<&str>,
        callback: impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static,
    ) -> Result<Uuid, Error> {
        let topic = WebhookTopic::ChannelBanChange {
            broadcaster_id: broadcaster_id.into(),
            user_id: user_id.map(str::to_owned),
        };
        self.subscribe(topic, callback).await
    }

    /// `subscribe_subscription_events` (user token with
    /// `channel:read:subscriptions`); the filters are optional.
    ///
    /// # Errors
    ///
    /// As [`TwitchWebHook::subscribe`].
    pub async fn subscribe_subscription_events(
        &self,
        broadcaster_id: &str,
        callback: impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static,
        user_id: Option<&str>,
        gifter_id: Option<&str>,
        gifter_name: Option<&str>,
    ) -> Result<Uuid, Error> {
        let topic = WebhookTopic::Subscription {
            broadcaster_id: broadcaster_id.into(),
            user_id: user_id.map(str::to_owned),
            gifter_id: gifter_id.map(str::to_owned),
            gifter_name: gifter_name.map(str::to_owned),
        };
        self.subscribe(topic, callback).await
    }

    /// `subscribe_hype_train_events` (user token with `channel:read:hype_train`).
    ///
    /// # Errors
    ///
    /// As [`TwitchWebHook::subscribe`].
    pub async fn subscribe_hype_train_events(
        &self,
        broadcaster_id: &str,
        callback: impl Fn(Uuid, &serde_json::Value) + Send + Sync + 'static,
    ) -> Result<Uuid, Error> {
        let topic = WebhookTopic::HypeTrain {
            broadcaster_id: broadcaster_id.into(),
        };
        self.subscribe(topic, callback).await
    }
}
