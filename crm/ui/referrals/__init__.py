"""Referral chains in the GUI: the client's Referrals tab, the Referrals page, the network."""
