//! What the loop needs from the JavaScript host: `fetch`, `setTimeout`, a task
//! queue and the wall clock. On wasm32 these are the global `fetch` and
//! `setTimeout` (browsers, workers, Node 18+: nothing here needs `window`).
//! Elsewhere the crate still compiles, and every request fails with
//! [`Error::Transport`].

use std::future::Future;

use twitchapi_core::{Duration, Error};

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use gloo_net::http::{Headers, RequestBuilder};
    use js_sys::Uint8Array;

    pub(crate) fn spawn(task: impl Future<Output = ()> + 'static) {
        wasm_bindgen_futures::spawn_local(task);
    }

    pub(crate) async fn sleep(millis: u32) {
        gloo_timers::future::TimeoutFuture::new(millis).await;
    }

    pub(crate) fn unix_now() -> Duration {
        // Date.now() is milliseconds since the epoch as a float; `as` saturates
        Duration::from_millis(js_sys::Date::now() as u64)
    }

    pub(crate) async fn fetch(
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        let url = request.uri().to_string();
        let headers = Headers::new();
        for (name, value) in request.headers() {
            let value = value
                .to_str()
                .map_err(|_| Error::Transport(format!("header {name} is not text")))?;
            headers.append(name.as_str(), value);
        }
        let builder = RequestBuilder::new(&url)
            .method(request.method().clone())
            .headers(headers);
        let body = request.into_body();
        // fetch refuses a body on GET and HEAD, even an empty one
        let built = if body.is_empty() {
            builder.build()
        } else {
            builder.body(Uint8Array::from(body.as_slice()))
        };
        let fetch_failed = |e: gloo_net::Error| Error::Transport(describe(&e, &url));
        let response = built
            .map_err(fetch_failed)?
            .send()
            .await
            .map_err(fetch_failed)?;
        let mut answer = http::Response::builder().status(response.status());
        // only what the machines read (no header name parsed at run time)
        let headers = response.headers();
        for name in twitchapi_core::helix::headers::ANSWER_HEADERS {
            if let Some(value) = headers.get(name.as_str()) {
                answer = answer.header(name, value);
            }
        }
        let body = response.binary().await.map_err(fetch_failed)?;
        answer
            .body(body)
            .map_err(|e| Error::Transport(format!("unusable answer: {e}")))
    }

    /// The error without the URL (a token endpoint URL may carry secrets in
    /// its query).
    fn describe(error: &gloo_net::Error, url: &str) -> String {
        let text = error.to_string().replace(url, "[url]");
        format!("fetch failed: {text}")
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;
    use futures::FutureExt;

    /// Outside wasm32 nothing waits: a task runs as far as it can at once.
    pub(crate) fn spawn(task: impl Future<Output = ()> + 'static) {
        let _ = Box::pin(task).now_or_never();
    }

    pub(crate) async fn sleep(_millis: u32) {
        futures::future::pending::<()>().await;
    }

    pub(crate) fn unix_now() -> Duration {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
    }

    pub(crate) async fn fetch(
        _request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, Error> {
        Err(Error::Transport(
            "twitchapi-web sends requests only on wasm32-unknown-unknown".into(),
        ))
    }
}

pub(crate) use imp::{fetch, sleep, spawn, unix_now};
