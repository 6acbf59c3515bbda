"""Norms in the web app (issue 16): opt-in, stored round profiles, norms of this installation, the portfolio."""
