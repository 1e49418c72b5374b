//! Walking paginated endpoints as a `futures::Stream` of items.

use futures::stream::{self, BoxStream, StreamExt};
use twitchapi_core::helix::{Endpoint, Pages, Paginated};
use twitchapi_core::Error;

use crate::Twitch;

/// The item type of a paginated endpoint.
pub type Item<E> = <<E as Endpoint>::Response as IntoIterator>::Item;

struct State<E> {
    twitch: Twitch,
    pages: Pages<E>,
}

impl Twitch {
    /// Every item of a paginated endpoint, page after page, as the core's
    /// [`Pages`] walks it: the first request as given, then `after` = the
    /// previous page's cursor (or `before`, when the first request set
    /// `before`), until Twitch sends no cursor or an empty page. A cursor that
    /// comes back ends the walk with [`Error::Protocol`]. `limit` stops after
    /// that many items (and requests no page beyond them). An error ends the
    /// stream after yielding it.
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
            pages: Pages::new(endpoint),
        };
        let pages = stream::unfold(state, |mut state| async move {
            let request = state.pages.next_request()?;
            let page = state.twitch.request(request).await;
            let items: Vec<Result<Item<E>, Error>> = match page {
                Ok(page) => {
                    let items: Vec<_> = page.data.into_iter().map(Ok).collect();
                    match state.pages.handle_page(page.cursor, items.len()) {
                        Ok(()) => items,
                        Err(e) => items.into_iter().chain([Err(e)]).collect(),
                    }
                }
                Err(e) => {
                    state.pages.finish();
                    vec![Err(e)]
                }
            };
            Some((stream::iter(items), state))
        })
        .flatten();
        pages.take(limit.unwrap_or(usize::MAX)).boxed()
    }
}
