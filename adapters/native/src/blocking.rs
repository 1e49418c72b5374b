//! A blocking client for scripts: the same methods as [`crate::Twitch`], without
//! `.await` (like `reqwest::blocking`). Enable the crate feature `blocking`.
//!
//! Each client runs a small tokio runtime on a thread of its own (as
//! `reqwest::blocking` does): calls are handed to that thread and their result
//! handed back, so the client can be created and dropped anywhere, also inside
//! an async runtime. Calling it from inside an async runtime is refused with
//! [`Error::Transport`] instead of blocking that runtime's thread.
//!
//! ```no_run
//! use twitchapi::blocking::Twitch;
//! use twitchapi::helix::users::GetUsers;
//!
//! let twitch = Twitch::new("my_app_id", "my_app_secret").unwrap();
//! twitch.authenticate_app(vec![]).unwrap();
//! let users = twitch.get_users(GetUsers { logins: vec!["twitchdev".into()], ..Default::default() }).unwrap();
//! println!("{}", users.data[0].id);
//! ```

use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc;

use futures::StreamExt;
use twitchapi_core::helix::{Endpoint, HelixResponse, Paginated};
use twitchapi_core::{AuthScope, Error, Secret};

use crate::paginate::Item;

type Job = Pin<Box<dyn Future<Output = ()> + Send>>;

/// The blocking Twitch client. Cheap to clone (the async client and the
/// runtime thread are shared; the thread ends when the last clone is dropped).
#[derive(Clone, Debug)]
pub struct Twitch {
    inner: crate::Twitch,
    jobs: tokio::sync::mpsc::UnboundedSender<Job>,
}

impl Twitch {
    /// A blocking client for the real Twitch.
    pub fn new(app_id: impl Into<String>, app_secret: impl Into<String>) -> Result<Twitch, Error> {
        Twitch::from_async(crate::Twitch::new(app_id, app_secret))
    }

    /// Wraps an async client (for example one built with [`crate::Twitch::builder`]).
    pub fn from_async(inner: crate::Twitch) -> Result<Twitch, Error> {
        let (jobs, mut queue) = tokio::sync::mpsc::unbounded_channel::<Job>();
        let (ready, started) = mpsc::sync_channel(1);
        std::thread::Builder::new()
            .name("twitchapi-blocking".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let _ = ready.send(Err(e.to_string()));
                        return;
                    }
                };
                let _ = ready.send(Ok(()));
                // runs until every handle is gone; the runtime is dropped here,
                // on its own thread, never inside someone else's async context
                runtime.block_on(async move {
                    while let Some(job) = queue.recv().await {
                        tokio::spawn(job);
                    }
                });
            })
            .map_err(|e| Error::Transport(format!("cannot start the client thread: {e}")))?;
        match started.recv() {
            Ok(Ok(())) => Ok(Twitch { inner, jobs }),
            Ok(Err(e)) => Err(Error::Transport(format!("cannot start a runtime: {e}"))),
            Err(_) => Err(Error::Transport("the client thread ended at start".into())),
        }
    }

    /// The async client inside.
    pub fn as_async(&self) -> &crate::Twitch {
        &self.inner
    }

    fn refuse_inside_runtime() -> Result<(), Error> {
        if tokio::runtime::Handle::try_current().is_ok() {
            return Err(Error::Transport(
                "the blocking client cannot be used inside an async runtime; use twitchapi::Twitch"
                    .into(),
            ));
        }
        Ok(())
    }

    /// Runs `future` on the client's thread and waits for its output.
    fn block_on<F>(&self, future: F) -> Result<F::Output, Error>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
    {
        Self::refuse_inside_runtime()?;
        let (done, result) = mpsc::sync_channel(1);
        let job: Job = Box::pin(async move {
            let _ = done.send(future.await);
        });
        self.jobs
            .send(job)
            .map_err(|_| Error::Transport("the client thread is gone".into()))?;
        result
            .recv()
            .map_err(|_| Error::Transport("the call was dropped by the client thread".into()))
    }

    /// See [`crate::Twitch::authenticate_app`].
    pub fn authenticate_app(&self, scopes: Vec<AuthScope>) -> Result<(), Error> {
        let twitch = self.inner.clone();
        self.block_on(async move { twitch.authenticate_app(scopes).await })?
    }

    /// See [`crate::Twitch::set_user_authentication`].
    pub fn set_user_authentication(
        &self,
        token: impl Into<String>,
        scopes: Vec<AuthScope>,
        refresh_token: Option<String>,
    ) -> Result<(), Error> {
        self.inner
            .set_user_authentication(token, scopes, refresh_token)
    }

    /// See [`crate::Twitch::auto_refresh_auth`].
    pub fn auto_refresh_auth(&self) -> bool {
        self.inner.auto_refresh_auth()
    }

    /// See [`crate::Twitch::set_auto_refresh_auth`].
    pub fn set_auto_refresh_auth(&self, on: bool) {
        self.inner.set_auto_refresh_auth(on)
    }

    /// See [`crate::Twitch::get_app_token`].
    pub fn get_app_token(&self) -> Option<Secret> {
        self.inner.get_app_token()
    }

    /// See [`crate::Twitch::get_user_auth_token`].
    pub fn get_user_auth_token(&self) -> Option<Secret> {
        self.inner.get_user_auth_token()
    }

    /// See [`crate::Twitch::get_used_token`].
    pub fn get_used_token(&self) -> Option<Secret> {
        self.inner.get_used_token()
    }

    /// See [`crate::Twitch::get_user_auth_scope`].
    pub fn get_user_auth_scope(&self) -> Vec<AuthScope> {
        self.inner.get_user_auth_scope()
    }

    /// See [`crate::Twitch::refresh_used_token`].
    pub fn refresh_used_token(&self) -> Result<(), Error> {
        let twitch = self.inner.clone();
        self.block_on(async move { twitch.refresh_used_token().await })?
    }

    /// See [`crate::Twitch::request`].
    pub fn request<E>(&self, endpoint: &E) -> Result<HelixResponse<E::Response>, Error>
    where
        E: Endpoint + Clone + Send + Sync + 'static,
        E::Response: Send + 'static,
    {
        let twitch = self.inner.clone();
        let endpoint = endpoint.clone();
        self.block_on(async move { twitch.request(&endpoint).await })?
    }

    /// Every item of a paginated endpoint as an iterator; see [`crate::Twitch::paginate`].
    pub fn paginate<E>(
        &self,
        endpoint: E,
        limit: Option<usize>,
    ) -> impl Iterator<Item = Result<Item<E>, Error>> + '_
    where
        E: Paginated + Send + Sync + 'static,
        E::Response: IntoIterator + Send,
        Item<E>: Send + 'static,
        <E::Response as IntoIterator>::IntoIter: Send,
    {
        // the walk runs on the client's thread; items come back one by one
        let (items, mut received) = tokio::sync::mpsc::channel(1);
        let started = Self::refuse_inside_runtime().and_then(|()| {
            let mut stream = self.inner.paginate(endpoint, limit);
            let job: Job = Box::pin(async move {
                while let Some(item) = stream.next().await {
                    if items.send(item).await.is_err() {
                        break; // the iterator was dropped
                    }
                }
            });
            self.jobs
                .send(job)
                .map_err(|_| Error::Transport("the client thread is gone".into()))
        });
        let mut refused = started.err();
        std::iter::from_fn(move || {
            if let Some(error) = refused.take() {
                return Some(Err(error));
            }
            match Self::refuse_inside_runtime() {
                Ok(()) => received.blocking_recv(),
                Err(error) => Some(Err(error)),
            }
        })
    }
}

macro_rules! blocking_methods {
    ($($name:ident => $cat:ident::$ty:ident,)*) => {
        impl Twitch {
            $(
                #[doc = concat!(
                    "The seed's `", stringify!($name), "`, blocking: sends [`", stringify!($ty),
                    "`](crate::helix::", stringify!($cat), "::", stringify!($ty), ")."
                )]
                pub fn $name(
                    &self,
                    args: twitchapi_core::helix::$cat::$ty,
                ) -> Result<HelixResponse<<twitchapi_core::helix::$cat::$ty as Endpoint>::Response>, Error> {
                    self.request(&args)
                }
            )*
        }
    };
}

twitchapi_core::for_each_endpoint!(blocking_methods);
