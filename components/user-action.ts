// Our in-page UI lives in an open shadow root of the portal page, so the page's own scripts can
// reach it and call click(), dispatchEvent() or requestSubmit() on our controls. Every control
// that acts (send a ticket, retry it, confirm another ticket, sign in, check, sync, open the
// options) runs only for an event the browser made from real input: `event.isTrusted`.
//
// Chosen over rendering the task form in an extension-origin iframe (what password managers do):
// that needs a web_accessible_resources page, which every site can then load and use to detect
// the extension (the store checks and the bench keep that list at 0), a second bundle and a
// message channel for the prefill, and it loses the portal's Fluent look and layout. The cost of
// this choice: a page script can still change what the fields say before the user's own click,
// as it can change everything else the user sees on that page.

/** A handler that runs `act` only for trusted events; a synthetic one is canceled and ignored. */
export function onUserAction<E extends Event>(act: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted === true) act(event);
    else event.preventDefault();
  };
}
