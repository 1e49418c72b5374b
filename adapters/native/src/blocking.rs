//! A blocking client for scripts: the same methods as [`crate::Twitch`], without
//! `.await` (like `reqwest::blocking`). Enable the crate feature `blocking`.
//!
//! Each client owns a small tokio runtime; calling it from inside an async
//! runtime is refused with [`Error::Transport`] instead of blocking that runtime.
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

use futures::StreamExt;
use twitchapi_core::helix::{Endpoint, HelixResponse, Paginated};
use twitchapi_core::{AuthScope, Error, Secret};

use crate::paginate::Item;

/// The blocking Twitch client. Cheap to clone (the async client and the runtime
/// are shared).
#[derive(Clone, Debug)]
pub struct Twitch {
    inner: crate::Twitch,
    runtime: std::sync::Arc<tokio::runtime::Runtime>,
}

impl Twitch {
    /// A blocking client for the real Twitch.
    pub fn new(app_id: impl Into<String>, app_secret: impl Into<String>) -> Result<Twitch, Error> {
        Twitch::from_async(crate::Twitch::new(app_id, app_secret))
    }

    /// Wraps an async client (for example one built with [`crate::Twitch::builder`]).
    pub fn from_async(inner: crate::Twitch) -> Result<Twitch, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Transport(format!("cannot start a runtime: {e}")))?;
        Ok(Twitch {
            inner,
            runtime: std::sync::Arc::new(runtime),
        })
    }

    /// The async client inside.
    pub fn as_async(&self) -> &crate::Twitch {
        &self.inner
    }

    fn block_on<F: Future>(&self, future: F) -> Result<F::Output, Error> {
        if tokio::runtime::Handle::try_current().is_ok() {
            return Err(Error::Transport(
                "the blocking client cannot be used inside an async runtime; use twitchapi::Twitch"
                    .into(),
            ));
        }
        Ok(self.runtime.block_on(future))
    }

    /// See [`crate::Twitch::authenticate_app`].
    pub fn authenticate_app(&self, scopes: Vec<AuthScope>) -> Result<(), Error> {
        self.block_on(self.inner.authenticate_app(scopes))?
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
        self.block_on(self.inner.refresh_used_token())?
    }

    /// See [`crate::Twitch::request`].
    pub fn request<E: Endpoint>(&self, endpoint: &E) -> Result<HelixResponse<E::Response>, Error> {
        self.block_on(self.inner.request(endpoint))?
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
        let mut stream = self.inner.paginate(endpoint, limit);
        let mut failed = false;
        std::iter::from_fn(move || {
            if failed {
                return None;
            }
            match self.block_on(stream.next()) {
                Ok(next) => next,
                Err(e) => {
                    failed = true;
                    Some(Err(e))
                }
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
