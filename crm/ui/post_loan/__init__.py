"""After the money goes out: the client pane's 贷后 tab (papers, checks, signals, related
parties, turnover), the Risks section and the risk badge of the client list."""
