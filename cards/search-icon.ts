/**
 * A 32 px magnifier in Teams' subtle grey (#616161) on transparent, as a PNG data URI (312 bytes), for
 * the inline action of a search box: the box then shows a search icon rather than a second "Search"
 * button beside the one under it. A data URI needs no image host reachable from the client.
 */
export const SEARCH_ICON_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAA/0lEQVR42u2XUQ3EIAyG5wAJlYAEpCwomAQkIAUJkzAJk4CEu17CJaSBHO1gJJc9/C9bKV8LlLJYa5eZWh6ABiOF2lA76kW0p39qFIBDxcLEVDHZdgP4RBQaJqYK3GzUfoRChB5lUJBk0rdYgLgE4IjDI01YcwLJJh/jpACKRHQwojlIxpQEYCNOgAEABH6TAORHzQt2tSdHlA2Qr6MRABji4xIACADgrwCmLMH0TTj9GEoLkUadPQqRtBSfZIyfeRl97fWM65gN0bMhKWXjJ0TvlkxzIUY0miyIUd1uM8TIlrsJYnTfX4OAOx8mJYj17pdRDnF7BvKSvdKy/jxO37JUYcPBOVUEAAAAAElFTkSuQmCC';
