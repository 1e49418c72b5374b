//! `paginate()`'s walk over pages with parameters as JSON text: the core's
//! [`Pages`] rules (the cursor goes to `after`, or to `before` when the first
//! call set it; the walk ends on a page without cursor or items, and with an
//! error when a cursor comes back).

use twitchapi_core::helix::{JsonCursors, Pages};
use twitchapi_core::Error;

/// One walk: the parameters of the next call, learning from each page.
#[derive(Debug)]
pub struct Walk {
    pages: Pages<JsonCursors>,
}

impl Walk {
    /// A walk whose first call takes `params` (a JSON object with the seed's
    /// parameter names).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidArgument`] when `params` is not a JSON object.
    pub fn new(params: &str) -> Result<Walk, Error> {
        let params = serde_json::from_str(params)
            .map_err(|e| Error::invalid(format!("paginate: parameters: {e}")))?;
        Ok(Walk {
            pages: Pages::new(JsonCursors(params)),
        })
    }

    /// The parameters of the next call as JSON text, or `None` when the walk
    /// is over.
    pub fn next_params(&self) -> Option<String> {
        let params = &self.pages.next_request()?.0;
        // a map of JSON values always serializes
        serde_json::to_string(params).ok()
    }

    /// The last call's page had `cursor` and `items` items.
    ///
    /// # Errors
    ///
    /// [`Error::Protocol`] when the cursor came back a second time (the walk
    /// is then over).
    pub fn handle_page(&mut self, cursor: Option<String>, items: usize) -> Result<(), Error> {
        self.pages.handle_page(cursor, items)
    }

    /// Ends the walk.
    pub fn finish(&mut self) {
        self.pages.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_go_to_after_until_a_page_has_none() {
        let mut walk = Walk::new(r#"{"first":2,"user_login":["a"]}"#).unwrap();
        assert_eq!(
            walk.next_params().unwrap(),
            r#"{"first":2,"user_login":["a"]}"#
        );
        walk.handle_page(Some("c1".into()), 2).unwrap();
        let next: serde_json::Value = serde_json::from_str(&walk.next_params().unwrap()).unwrap();
        assert_eq!(
            (next["after"].as_str(), next["first"].as_u64()),
            (Some("c1"), Some(2))
        );
        walk.handle_page(None, 1).unwrap();
        assert_eq!(walk.next_params(), None);
    }

    #[test]
    fn a_repeated_cursor_and_bad_parameters_are_errors() {
        let mut walk = Walk::new("{}").unwrap();
        walk.handle_page(Some("c".into()), 1).unwrap();
        assert!(matches!(
            walk.handle_page(Some("c".into()), 1),
            Err(Error::Protocol(_))
        ));
        assert_eq!(walk.next_params(), None);
        assert!(matches!(Walk::new("[1]"), Err(Error::InvalidArgument(_))));
        let mut ended = Walk::new("{}").unwrap();
        ended.finish();
        assert_eq!(ended.next_params(), None);
    }
}
