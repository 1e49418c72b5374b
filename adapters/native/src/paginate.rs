//! Walking paginated endpoints as a `futures::Stream` of items.

use futures::stream::{self, BoxStream, StreamExt};
use twitchapi_core::helix::{Endpoint, Paginated};
use twitchapi_core::Error;

use crate::Twitch;

/// The item type of a paginated endpoint.
pub type Item<E> = <<E as Endpoint>::Response as IntoIterator>::Item;

struct State<E> {
    twitch: Twitch,
    endpoint: E,
    first_page: bool,
    cursor: Option<String>,
    done: bool,
}

impl Twitch {
    /// Every item of a paginated endpoint, page after page: the first request
    /// as given, then `after` = the previous page's cursor, until Twitch sends
    /// no cursor (or an empty page). `limit` stops after that many items (and
    /// requests no page beyond them). An error ends the stream after yielding it.
    /// The stream is boxed (and so `Unpin`): `.next().await` works directly.
    ///
    /// ```no_run
    /// use futures::StreamExt;
    /// use twitchapi::helix::streams::GetStreams;
    /// # async fn run(twitch: twitchapi::Twitch) {
    /// let mut streams = twitch.paginate(GetStreams { first: Some(100), ..Default::default() }, Some(250));
    /// while let Some(stream) = streams.next().await {
    ///     println!("{}", stream.unwrap().user_login);
    /// }
    /// # }
    /// ```
    pub fn paginate<E>(
        &self,
        endpoint: E,
        limit: Option<usize>,
    ) -> BoxStream<'static, Result<Item<E>, Error>>
    where
        E: Paginated + Send + Sync + 'static,
        E::Response: IntoIterator + Send,
        Item<E>: Send + 'static,
        <E::Response as IntoIterator>::IntoIter: Send,
    {
        let state = State {
            twitch: self.clone(),
            endpoint,
            first_page: true,
            cursor: None,
            done: false,
        };
        let pages = stream::unfold(state, |mut state| async move {
            if state.done {
                return None;
            }
            if !state.first_page {
                state.endpoint.set_after(state.cursor.take());
            }
            state.first_page = false;
            match state.twitch.request(&state.endpoint).await {
                Ok(page) => {
                    let items: Vec<Result<Item<E>, Error>> =
                        page.data.into_iter().map(Ok).collect();
                    state.cursor = page.cursor;
                    if state.cursor.is_none() || items.is_empty() {
                        state.done = true;
                    }
                    Some((stream::iter(items), state))
                }
                Err(e) => {
                    state.done = true;
                    Some((stream::iter(vec![Err(e)]), state))
                }
            }
        })
        .flatten();
        pages.take(limit.unwrap_or(usize::MAX)).boxed()
    }
}
