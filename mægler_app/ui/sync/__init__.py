"""The sync screens: login, the Synkronisering view with conflicts and rejected changes."""
