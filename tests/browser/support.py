"""Constants the browser test modules share."""

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}

PASSWORD = "a-long-test-password"  # what tests.factories.make_user sets

# The discussion under the story (the `discussion` fixture).
COMMENT = "Has anyone seen the text of the customs chapter? The summary leaves out the transit fees."
REPLY = "It was published this morning; the fees are in annex two."
