//! Walking paginated endpoints as a `futures::Stream` of items; the rules of
//! the walk are the core's [`Pages`].

use futures::stream::{self, LocalBoxStream, StreamExt};
use twitchapi_core::helix::{Endpoint, Pages, Paginated};
use twitchapi_core::Error;

use crate::Twitch;

/// The item type of a paginated endpoint (`Stream` for `GetStreams`).
pub type Item<E> = <<E as Endpoint>::Response as IntoIterator>::Item;

impl Twitch {
    /// Every item of a paginated endpoint, page after page, as the core's
    /// [`Pages`] walks it: the first request as given, then `after` = the
    /// previous page's cursor (or `before`, when the first request set
    /// `before`), until Twitch sends no cursor or an empty page. A cursor that
    /// comes back ends the walk with [`Error::Protocol`]. `limit` stops after
    /// that many items (and requests no page beyond them). An error ends the
    /// stream after yielding it. The stream is boxed (and so `Unpin`):
    /// `.next().await` works directly.
    ///
    /// ```no_run
    /// use futures::TryStreamExt;
    /// use twitchapi_web::helix::streams::GetStreams;
    /// # async fn run(twitch: twitchapi_web::Twitch) -> Result<(), twitchapi_web::Error> {
    /// let streams: Vec<_> = twitch
    ///     .paginate(GetStreams { first: Some(100), ..Default::default() }, Some(250))
    ///     .try_collect()
    ///     .await?;
    /// assert!(streams.len() <= 250);
    /// # Ok(()) }
    /// ```
    pub fn paginate<E>(
        &self,
        endpoint: E,
        limit: Option<usize>,
    ) -> LocalBoxStream<'static, Result<Item<E>, Error>>
    where
        E: Paginated + 'static,
        E::Response: IntoIterator,
        Item<E>: 'static,
    {
        let walk = (self.clone(), Pages::new(endpoint));
        stream::unfold(walk, |(twitch, mut pages)| async move {
            let request = pages.next_request()?;
            let items: Vec<Result<Item<E>, Error>> = match twitch.request(request).await {
                Ok(page) => {
                    let items: Vec<_> = page.data.into_iter().map(Ok).collect();
                    match pages.handle_page(page.cursor, items.len()) {
                        Ok(()) => items,
                        Err(error) => items.into_iter().chain([Err(error)]).collect(),
                    }
                }
                Err(error) => {
                    pages.finish();
                    vec![Err(error)]
                }
            };
            Some((stream::iter(items), (twitch, pages)))
        })
        .flatten()
        .take(limit.unwrap_or(usize::MAX))
        .boxed_local()
    }
}
