"""Original demo content written for newsblog's seed_demo command."""

AUTHORS = [
    {
        "name": "Leyla Arslan",
        "slug": "leyla-arslan",
        "bio": (
            "Leyla Arslan is Newsblog's foreign affairs correspondent, based in Ankara. She covers diplomacy, "
            "elections and regional politics from the eastern Mediterranean to Central Asia."
        ),
    },
    {
        "name": "Marcus Whitfield",
        "slug": "marcus-whitfield",
        "bio": (
            "Marcus Whitfield is Newsblog's business editor, writing about markets, trade and the economics of "
            "everyday life. He previously covered shipping and logistics for a trade journal."
        ),
    },
    {
        "name": "Priya Raman",
        "slug": "priya-raman",
        "bio": (
            "Priya Raman reports on science and health, with a particular interest in public health research "
            "and how studies are designed."
        ),
    },
    {
        "name": "Tomas Novak",
        "slug": "tomas-novak",
        "bio": (
            "Tomas Novak covers sport, culture and lifestyle. He has reported from football grounds, film "
            "festivals and food markets across Europe."
        ),
    },
    {
        "name": "Elena Duarte",
        "slug": "elena-duarte",
        "bio": (
            "Elena Duarte writes about the environment, technology and cities from Lisbon. She focuses on how "
            "climate adaptation and new technology change daily life."
        ),
    },
]

ARTICLES = [
    {
        "headline": "Ankara and Seoul Sign Roadmap to Deepen Trade, Rail and Energy Ties",
        "slug": "ankara-seoul-roadmap-trade-rail-energy-ties",
        "category": "World News",
        "authors": ["leyla-arslan"],
        "standfirst": (
            "Turkey and South Korea have agreed a five-year plan that sets a $20 billion trade target and "
            "opens the door to joint rail and hydrogen projects. Analysts say the test will be delivery, not "
            "ambition."
        ),
        "body": (
            "Turkey and South Korea signed a five-year cooperation roadmap in Ankara on Tuesday, committing to "
            "expand bilateral trade, co-finance rail projects and share research on green hydrogen. Officials "
            "from both sides described the agreement as the most detailed framework the two countries have "
            "produced since they first upgraded relations more than a decade ago.\n\n"
            "The document, signed by the two foreign ministers after a day of talks, sets a target of **$20 "
            "billion in annual bilateral trade by 2030**, up from roughly $13.4 billion last year. It also "
            "establishes a joint working group on supply chains that will meet twice a year, alternating "
            "between Ankara and Seoul.\n\n"
            "## Rail and hydrogen at the centre\n\n"
            "Much of the roadmap focuses on infrastructure. Korean firms will be invited to bid on signalling "
            "and rolling-stock contracts for two planned high-speed lines in central Anatolia, while a joint "
            "fund of about $300 million will support pilot hydrogen production at an industrial zone near "
            "Mersin.\n\n"
            '> "We are moving from a relationship built on a few large contracts to one built on shared '
            'projects and people," said Deniz Yalcin, a deputy trade minister who led the Turkish technical '
            'delegation. "The test will be whether the working groups actually meet and deliver."\n\n'
            "## Why it matters now\n\n"
            "Analysts say both governments are looking to diversify their partners as global shipping routes "
            "shift and demand for low-carbon industrial inputs grows. For Seoul, Turkey offers a manufacturing "
            "base with access to European, Middle Eastern and Central Asian markets. For Ankara, Korean "
            "expertise in batteries, shipbuilding and rail technology fits its own industrial strategy.\n\n"
            "Baek Hyun-woo, a researcher at a Seoul policy institute who follows the region, cautioned that "
            'earlier agreements had produced uneven results. "The ambition is credible, but the trade target '
            'assumes steady growth in a year when both economies face softer export demand," he said.\n\n'
            "The roadmap also includes smaller measures that may be felt sooner: an expanded university "
            "exchange programme for 1,500 students a year, a simplified business visa and a new direct cargo "
            "flight between Istanbul and Incheon from September. The full text has been published on the "
            "[foreign ministry's website](https://example.org/ankara-seoul-roadmap-2026)."
        ),
        "tags": ["diplomacy", "trade", "ankara", "energy"],
        "caption": (
            "Turkish and South Korean delegations sit down for talks on the cooperation roadmap in Ankara, "
            "April 14, 2026."
        ),
        "credit": "AA Photo",
        "alt": "Two delegations facing each other across a long conference table lined with small national flags.",
        "featured": True,
        "status": "published",
        "hours_ago": 3,
        "comments_open": True,
    },
    {
        "headline": "Mediterranean Port Cities Form Network to Share Heatwave Response Plans",
        "slug": "mediterranean-port-cities-heatwave-network",
        "category": "World News",
        "authors": ["leyla-arslan", "elena-duarte"],
        "standfirst": (
            "Mayors from seven coastal cities agreed in Valencia to pool data on heat emergencies, cooling "
            "centres and hospital admissions before the summer."
        ),
        "body": (
            "Mayors and senior officials from seven Mediterranean port cities agreed on Thursday to share "
            "heat-emergency data and coordinate their summer response plans, in what organisers called the "
            "first network of its kind in the region.\n\n"
            "The agreement, signed in Valencia, brings together Valencia, Marseille, Genoa, Izmir, "
            "Thessaloniki, Split and Tunis. Each city will publish daily heat-risk assessments in a common "
            "format and share anonymised figures on hospital admissions, emergency calls and the use of public "
            "cooling centres.\n\n"
            "Several of the participating cities have recorded their hottest summers on record in the past "
            "three years. In Izmir, emergency services logged a 38 percent rise in heat-related call-outs "
            "during last July's peak compared with the previous five-year average, according to figures "
            "presented at the meeting.\n\n"
            "The network will focus on practical measures that smaller municipalities can copy quickly:\n\n"
            "- a shared early-warning threshold based on overnight temperatures, not only daytime highs\n"
            "- standard signage and opening hours for cooling centres in libraries and community halls\n"
            "- text-message alerts for registered elderly residents and their carers\n"
            "- joint guidance for port and dock workers who spend long shifts outdoors\n\n"
            "Marta Ferrer, Valencia's deputy mayor for climate adaptation, said the value lay in comparing "
            'what worked. "Every city has tried something over the last few summers. Some ideas were cheap '
            "and effective, and some were expensive and barely used. We want to learn that from each other "
            'before July, not after," she said.\n\n'
            "The cities will fund a small secretariat hosted in Marseille for an initial two years, with an "
            "annual budget of about 850,000 euros. Officials said they hoped to invite further members, "
            "including cities on the eastern Adriatic and the Levantine coast, by the end of 2026.\n\n"
            "Public-health researchers welcomed the focus on night-time temperatures, which they say are "
            "closely linked to heat-related deaths among older people, who have less chance to recover when "
            "nights stay hot. The network's first joint report, covering the summer of 2026, is expected in "
            "October."
        ),
        "tags": ["climate", "cities", "diplomacy"],
        "caption": (
            "Mayors of seven Mediterranean port cities pose after signing the heatwave cooperation agreement "
            "in Valencia, March 19, 2026."
        ),
        "credit": "Harbor Wire Photo",
        "alt": "A group of officials standing in a row on the steps of a city hall, holding signed documents.",
        "featured": False,
        "status": "published",
        "hours_ago": 20,
        "comments_open": True,
    },
    {
        "headline": "Observers Report Orderly Voting in Velmar Islands' Regional Elections",
        "slug": "velmar-islands-regional-elections-observers",
        "category": "World News",
        "authors": ["leyla-arslan"],
        "standfirst": (
            "An international mission praised a calm, well-run election day with turnout above 71 percent, "
            "while pointing to late campaign finance reports and uneven access to state media."
        ),
        "body": (
            "International observers said on Monday that regional elections in the Velmar Islands were "
            "conducted in an orderly manner, with high turnout and only isolated reports of delays at polling "
            "stations on the outer islands.\n\n"
            "Preliminary figures from the national electoral commission put turnout at **71.4 percent**, up "
            "from 64 percent in the previous regional vote four years ago. Voters chose councils and governors "
            "in all five provinces of the archipelago, which has a population of about 2.3 million.\n\n"
            "## Observers' findings\n\n"
            "A 60-member mission from a regional parliamentary assembly visited 412 polling stations across "
            'the islands. In a preliminary statement, the mission said voting and counting were "transparent '
            'and well administered," while noting that campaign finance reports were published late and that '
            "some candidates had limited access to state broadcast time.\n\n"
            '> "Election day itself was calm and professionally run. The areas for improvement lie earlier in '
            'the process, in how campaigns are financed and covered," said Ingrid Solberg, who led the '
            "mission.\n\n"
            "Delays were reported on two outer islands, where ballot papers arrived several hours late after a "
            "ferry was held in port by high winds. The commission extended voting by two hours at 18 polling "
            "stations to compensate, and said every affected voter who queued before closing time was able to "
            "cast a ballot.\n\n"
            "## Early results\n\n"
            "Partial results suggest the governing Coalition for Progress will retain control of three "
            "provincial councils, while the opposition Islands Alliance appears to have won the northern "
            "province of Arrano for the first time. A newly formed environmental list is on course to win "
            "seats in two councils, including in the capital province.\n\n"
            "Final results are due by the end of the week. The observer mission will publish a full report, "
            "including recommendations on media access and campaign finance, within two months."
        ),
        "tags": ["elections", "diplomacy"],
        "caption": (
            "Voters queue outside a polling station in a school courtyard in the Velmar Islands' capital, "
            "March 29, 2026."
        ),
        "credit": "Staff Photo",
        "alt": "A line of voters waiting outside a school building decorated with election notices.",
        "featured": False,
        "status": "published",
        "hours_ago": 52,
        "comments_open": False,
    },
    {
        "headline": "What the Middle Corridor Upgrade Means for Freight Between Europe and Central Asia",
        "slug": "middle-corridor-upgrade-freight-europe-central-asia",
        "category": "News Analysis",
        "authors": ["leyla-arslan", "marcus-whitfield"],
        "standfirst": (
            "Faster ferries, shared customs paperwork and longer trains have cut transit times on the "
            "trans-Caspian route. Volumes are still small, but shippers are paying attention."
        ),
        "body": (
            "Freight operators have spent years talking about the Middle Corridor, the network of rail lines, "
            "ferries and ports linking China and Central Asia to Europe across the Caspian Sea, the South "
            "Caucasus and Turkey. This spring, a package of upgrades has moved the route from a promising "
            "alternative to something closer to a working one.\n\n"
            "## What has changed\n\n"
            "Three developments have come together in the first half of 2026. New ferry capacity on the "
            "Caspian has cut average waiting times at the crossing from about nine days to four, according to "
            "operators. A customs arrangement among five transit countries now allows a single electronic "
            "declaration for the whole journey. And a long-delayed section of upgraded track has opened, "
            "raising the maximum train length on a key stretch from 57 to 71 wagons.\n\n"
            "Together, these changes have brought typical door-to-door transit times for a container "
            "travelling from western China to central Europe down to roughly **18 to 23 days**, compared with "
            "30 days or more two years ago.\n\n"
            "## The numbers behind the route\n\n"
            "Volumes remain small compared with the main sea route through the Suez Canal. Logistics analysts "
            "estimate the corridor handled around 4.1 million tonnes of cargo in 2025, a fraction of what a "
            "single large container port moves in a month. But growth has been rapid, and freight forwarders "
            "report rising interest from shippers of electronics, car parts and farm goods who value "
            "predictability over the lowest possible price.\n\n"
            "## What could hold it back\n\n"
            "- **Capacity:** several border crossings still rely on manual checks, and Caspian ports slow down "
            "sharply during winter storms.\n"
            "- **Cost:** moving a container along the corridor is typically 20 to 30 percent more expensive "
            "than by sea.\n"
            "- **Coordination:** tariffs are set separately by each national operator, making prices hard to "
            "predict.\n\n"
            '"The route works best for companies that want a second option, not a replacement," said Aigerim '
            'Sadykova, a logistics consultant based in Almaty. "That is still a significant market."\n\n'
            "For now, the corridor's future depends less on headline agreements than on routine reliability. "
            "If trains keep arriving on time through next winter, shippers are likely to commit larger volumes "
            "in 2027."
        ),
        "tags": ["trade", "transport"],
        "caption": (
            "A freight train loaded with containers waits at a rail terminal near the Caspian port of Alat, "
            "February 24, 2026."
        ),
        "credit": "Newsblog Photo",
        "alt": "A long freight train carrying stacked shipping containers at a rail yard under a grey sky.",
        "featured": True,
        "status": "published",
        "hours_ago": 8,
        "comments_open": True,
    },
    {
        "headline": "Why Housing Has Become the Defining Issue in This Year's Municipal Elections",
        "slug": "housing-defining-issue-municipal-elections",
        "category": "News Analysis",
        "authors": ["marcus-whitfield"],
        "standfirst": (
            "Rents have outpaced wages for five years, and candidates across the political spectrum are now "
            "competing on housing plans. Their powers to deliver are more limited than their promises suggest."
        ),
        "body": (
            "When candidates for mayor in Port Halden held their first televised debate last week, the "
            "moderator had planned to spend ten minutes on housing. The discussion lasted nearly forty.\n\n"
            "That imbalance reflects a shift seen across this year's municipal campaigns. In polls "
            "commissioned by several regional newspapers in March 2026, housing costs ranked as the top "
            "concern for voters in 11 of the 14 largest cities, ahead of public transport, jobs and public "
            "safety.\n\n"
            "## Rents have outpaced wages\n\n"
            "Average rents for a two-bedroom flat in the largest cities have risen by about 46 percent over "
            "five years, according to figures from a national tenants' association, while median household "
            "income grew by roughly 21 percent over the same period. For younger voters the gap is sharper: "
            "**nearly one in three adults aged 25 to 34 now lives with their parents**, up from one in five a "
            "decade ago.\n\n"
            "## Different answers from the parties\n\n"
            "The main parties broadly agree on the diagnosis but differ on solutions. Centre-right platforms "
            "in most cities focus on speeding up building permits and releasing public land to private "
            "developers. Centre-left candidates are emphasising municipal housing companies and limits on "
            "short-term holiday lets. Several independent lists are campaigning on converting empty office "
            "buildings into flats.\n\n"
            'Housing economist Rafael Montero said voters should treat some promises with caution. "Most of '
            "the levers that matter, such as mortgage rules, tax treatment and national building standards, "
            "sit with the central government. Mayors can influence land supply and planning speed, which "
            'matters, but it works over years, not one term," he said.\n\n'
            "## What to watch\n\n"
            "Turnout among renters will be a key test. Renters have historically voted at lower rates than "
            "homeowners, partly because they move more often and drop off the electoral register. Several "
            "cities have run registration drives aimed at tenants this spring, and early data from Port Halden "
            "suggests new registrations are up 18 percent on the last municipal cycle.\n\n"
            "Voting takes place on November 8."
        ),
        "tags": ["elections", "housing", "cities"],
        "caption": (
            "Campaign posters for rival mayoral candidates line a fence beside a residential construction site "
            "in Port Halden, April 2, 2026."
        ),
        "credit": "Staff Photo",
        "alt": "Election posters on a wooden hoarding in front of a half-built apartment block with cranes behind it.",
        "featured": False,
        "status": "published",
        "hours_ago": 96,
        "comments_open": True,
    },
    {
        "headline": "Behind the Rate Pause: Why Central Bankers Are Watching Services Prices",
        "slug": "rate-pause-central-bankers-services-inflation",
        "category": "News Analysis",
        "authors": ["marcus-whitfield"],
        "standfirst": (
            "Headline inflation is close to target, but prices for haircuts, insurance and restaurant meals "
            "are still rising quickly. That is why rate cuts may come later than borrowers hope."
        ),
        "body": (
            "The central bank's decision on Wednesday to hold its benchmark interest rate at 3.75 percent for "
            "a third consecutive meeting surprised few investors. The more revealing part of the announcement "
            "was the explanation.\n\n"
            'In its statement, the monetary policy committee said goods inflation had "largely normalised" '
            'but that price growth in services remained "persistently elevated." Headline inflation stood at '
            "2.9 percent in March 2026, close to the 2 percent target, but services inflation was still "
            "running at 4.6 percent.\n\n"
            "## Why services matter\n\n"
            "Services, from haircuts and restaurant meals to insurance and rents, account for more than half "
            "of the consumer price basket. Their prices are closely tied to wages, which tend to adjust more "
            "slowly than the cost of imported goods. That makes services inflation a useful signal of whether "
            "price pressures are likely to fade on their own or become entrenched. Wage growth has cooled but "
            "remains above pre-2020 levels. Average earnings rose 4.8 percent in the year to February, down "
            "from a peak of 7.2 percent in 2023.\n\n"
            "## What markets expect\n\n"
            "Futures markets currently price in one quarter-point cut by September and a second by the end of "
            "the year. Several economists said the committee's language made a cut at the June meeting "
            "unlikely.\n\n"
            '> "They are telling us they want to see two or three more months of softer services data before '
            'they move. The bar for a June cut looks high," said Hannah Okafor, chief economist at a '
            "mid-sized investment bank.\n\n"
            "Others warn that waiting too long carries its own risk. Business surveys show hiring intentions "
            "at their lowest level since 2020, and retail sales fell 0.4 percent in the first quarter.\n\n"
            "## The household view\n\n"
            "For borrowers, the pause means little immediate change. Fixed mortgage rates have already fallen "
            "from their 2024 highs as lenders anticipated future cuts. Savers, meanwhile, continue to earn "
            "returns above inflation on many easy-access accounts, a situation that may not last if rates fall "
            "in the second half of the year. The next rate decision is due on June 17."
        ),
        "tags": ["markets", "inflation"],
        "caption": (
            "Traders follow the central bank's interest rate announcement on screens at a brokerage office, "
            "April 8, 2026."
        ),
        "credit": "Newsblog Photo",
        "alt": "People at desks watching several screens that show charts and a news broadcast.",
        "featured": False,
        "status": "published",
        "hours_ago": 30,
        "comments_open": False,
    },
    {
        "headline": "Aegean Crest Airways Orders 24 Narrow-Body Jets to Expand Gulf and Central Asia Routes",
        "slug": "aegean-crest-airways-orders-24-jets",
        "category": "Business",
        "authors": ["marcus-whitfield"],
        "standfirst": (
            "The Izmir-based carrier placed an order worth about $3.1 billion at list prices, betting on "
            "growing travel between the Aegean coast, the Gulf and Central Asia."
        ),
        "body": (
            "Aegean Crest Airways, the Izmir-based carrier, has placed a firm order for 24 new narrow-body "
            "aircraft as it seeks to add routes to the Gulf and Central Asia over the next four years. The "
            "order, announced on Tuesday, is worth about $3.1 billion at list prices, although airlines "
            "typically negotiate significant discounts. The company also took options on a further 12 "
            "aircraft. Deliveries are scheduled to begin in the second half of 2027 and continue through 2030.\n\n"
            "Chief executive Okan Demirel said the new jets would replace older models that burn around 15 "
            "percent more fuel per seat and would allow the airline to fly longer routes without refuelling. "
            '"Our passengers increasingly want to connect the Aegean coast with cities we cannot reach '
            'efficiently today, such as Almaty, Tashkent and Muscat," he said.\n\n'
            "The airline carried **6.8 million passengers in 2025**, up 12 percent on the previous year, and "
            "reported an operating margin of 9.4 percent. Its fleet currently numbers 41 aircraft.\n\n"
            "Aviation analysts said the order reflected strong demand for travel between Turkey, the Gulf and "
            "Central Asia, where business and family traffic has grown rapidly. But they noted that delivery "
            "delays at the major manufacturers have disrupted airline expansion plans worldwide.\n\n"
            '"The question is not whether the demand is there, but whether the aircraft arrive on time," '
            'said Lena Hofmann, an aviation analyst in Frankfurt. "Several carriers have had to lease older '
            'jets at high prices to bridge delivery gaps."\n\n'
            "Shares in the airline rose 4.2 percent in Istanbul trading after the announcement. The company "
            "said it would finance the purchase through a mix of sale-and-leaseback arrangements, export "
            "credit and cash reserves, and did not expect to raise new equity. Aegean Crest plans to announce "
            "its first new routes, expected to include Tashkent and Muscat, with its summer 2027 schedule."
        ),
        "tags": ["travel", "markets", "transport"],
        "caption": (
            "An Aegean Crest Airways jet taxis past the terminal at Izmir Adnan Menderes Airport, April 7, 2026."
        ),
        "credit": "Harbor Wire Photo",
        "alt": "A white passenger jet with a blue tail moving along an airport taxiway.",
        "featured": False,
        "status": "published",
        "hours_ago": 140,
        "comments_open": True,
    },
    {
        "headline": "Family-Run Olive Oil Producer Plans Stock Market Listing After 90 Years",
        "slug": "family-olive-oil-producer-plans-listing",
        "category": "Business",
        "authors": ["marcus-whitfield"],
        "standfirst": (
            "Gulsever Olive Oil, founded in Ayvalik in 1936, wants to sell a quarter of its shares in Istanbul "
            "to fund a new bottling plant and expand exports."
        ),
        "body": (
            "Gulsever Olive Oil, a family-owned producer founded in 1936 in the Aegean town of Ayvalik, said "
            "on Monday it plans to list its shares on the Istanbul stock exchange before the end of June. The "
            "company intends to sell about 25 percent of its shares, with the family retaining majority "
            "control. Bankers working on the deal said the offering could value the company at between 4.5 "
            "billion and 5.2 billion lira.\n\n"
            "Gulsever sells bottled extra virgin olive oil, table olives and olive-oil soaps in Turkey and 28 "
            "export markets. Revenue rose to **3.8 billion lira in 2025**, with exports accounting for 41 "
            "percent of sales, up from 29 percent three years earlier.\n\n"
            "## Growth plans\n\n"
            "Chief executive Zeynep Gulsever, the founder's great-granddaughter, said the proceeds would fund "
            "a new bottling plant, expand storage capacity and support long-term contracts with about 1,200 "
            'smallholder farmers. "We have grown steadily as a family company. To reach customers in North '
            "America and East Asia at scale, we need capital and the discipline that comes with being "
            'public," she said.\n\n'
            "The company also plans to invest in irrigation and soil-monitoring programmes with its supplier "
            "farmers, after two years of volatile harvests linked to drought and heat across the "
            "Mediterranean. Global olive oil prices more than doubled between 2022 and 2024 before easing as "
            "Spanish production recovered.\n\n"
            "## Investor appetite\n\n"
            "The listing would be among the larger consumer-sector offerings in Istanbul this year. Fund "
            "managers said investors would focus on three issues:\n\n"
            "- **Harvest volatility:** output fell 18 percent in the 2024 season before recovering\n"
            "- **Export exposure:** most foreign sales are priced in euros and dollars\n"
            "- **Governance:** the family will keep a majority of board seats\n\n"
            '"It is a well-known brand with real export growth. The price will depend on how convincingly '
            'management explains the weather risk," said Kerem Ucar, a portfolio manager at an Istanbul asset '
            "management firm. The company said it would publish its prospectus in early June."
        ),
        "tags": ["markets", "food"],
        "caption": "Workers sort freshly harvested olives at a processing plant near Ayvalik, November 12, 2025.",
        "credit": "Newsblog Photo",
        "alt": "Workers in aprons sorting dark olives on a conveyor belt inside a processing plant.",
        "featured": False,
        "status": "published",
        "hours_ago": 210,
        "comments_open": True,
    },
    {
        "headline": "Container Freight Rates Ease as Congestion Clears at Eastern Mediterranean Ports",
        "slug": "container-freight-rates-ease-eastern-mediterranean",
        "category": "Business",
        "authors": ["marcus-whitfield"],
        "standfirst": (
            "Spot rates from Shanghai to the region have fallen for six straight weeks, offering relief to "
            "importers, though prices remain well above pre-2020 levels."
        ),
        "body": (
            "Shipping rates for containers moving between Asia and the Eastern Mediterranean fell for a sixth "
            "consecutive week, as congestion that built up at several regional ports over the winter cleared.\n\n"
            "The average spot rate for a 40-foot container from Shanghai to ports in Turkey, Greece and Egypt "
            "dropped to about $2,950 in the week to April 10, according to a widely followed freight index, "
            "down 22 percent from its peak in early February. Rates remain above their 2019 average of roughly "
            "$1,700.\n\n"
            "Port operators said waiting times for berths had returned to normal. At the peak in January, "
            "vessels were waiting an average of four days to unload at some terminals after a combination of "
            "winter storms, schedule changes and a surge in imports ahead of the Lunar New Year holidays.\n\n"
            "Importers of furniture, electronics and clothing said lower shipping costs would ease pressure on "
            'prices in the coming months. "Freight was adding six or seven percent to the landed cost of some '
            'of our products in January. That is now closer to three percent," said Mert Aydin, who runs a '
            "home-furnishings import business in Mersin. Economists said the decline could shave a small "
            "amount from goods inflation later in the year, though they cautioned that freight is only one "
            "part of the cost of imported goods, alongside currency movements and tariffs.\n\n"
            "Shipping lines have taken delivery of a large number of new vessels over the past two years, and "
            "analysts expect global container capacity to grow by about 6 percent in 2026, faster than demand. "
            "That imbalance has tended to push rates down, although carriers have responded by cancelling some "
            "sailings.\n\n"
            '> "Carriers are managing capacity more actively than in past downturns. We expect rates to '
            'stabilise rather than collapse," said Sofia Lindqvist, a maritime analyst at a Copenhagen '
            "consultancy.\n\n"
            "Industry groups will publish quarterly throughput figures for the region's ports at the end of "
            "April."
        ),
        "tags": ["trade", "transport", "inflation"],
        "caption": "Cranes unload a container ship at the port of Mersin, April 9, 2026.",
        "credit": "Harbor Wire Photo",
        "alt": "Tall harbour cranes lifting colourful containers off a large cargo ship at a quay.",
        "featured": False,
        "status": "published",
        "hours_ago": 75,
        "comments_open": True,
    },
    {
        "headline": "Ankara District Pilots AI Assistant to Answer Residents' Building Permit Questions",
        "slug": "ankara-district-ai-assistant-building-permits",
        "category": "Technology",
        "authors": ["elena-duarte"],
        "standfirst": (
            "A six-month trial lets residents ask a chatbot about permits and paperwork, with published "
            "safeguards, a human fallback and monthly accuracy checks by an outside panel."
        ),
        "body": (
            "A district municipality in central Ankara has begun testing an artificial intelligence assistant "
            "that answers residents' questions about building permits, renovation rules and required "
            "documents, in a six-month pilot that began on April 1. The assistant, available on the "
            "municipality's website and through a messaging app, draws only on the district's published "
            "regulations, forms and frequently asked questions. Officials said it does not make decisions on "
            "applications and cannot access residents' personal files.\n\n"
            "## Why permits\n\n"
            "Staff said permit queries make up about a third of the 14,000 calls the municipality's service "
            "centre receives each month, and many are routine: which documents are needed to enclose a "
            'balcony, how long an approval usually takes, or whether a shop sign requires a permit. "If the '
            "assistant can answer the simple questions clearly, our engineers can spend more time on the "
            "complicated files,\" said Burak Ozdemir, the district's head of digital services.\n\n"
            "## Safeguards\n\n"
            "The municipality has published a short list of rules for the pilot:\n\n"
            "- every answer includes a link to the relevant regulation or form\n"
            "- residents can ask for a human reply at any point, with a response promised within two working "
            "days\n"
            "- conversations are stored for 30 days for quality checks and then deleted\n"
            "- the assistant declines questions about individual applications or disputes\n\n"
            "An independent review panel, including two university researchers and a representative of the "
            "local chamber of architects, will assess a sample of answers each month for accuracy.\n\n"
            "## Early results\n\n"
            "In the first two weeks, the assistant handled about 3,600 conversations. Officials said roughly 8 "
            "percent were passed on to staff, most often because residents wanted to discuss a specific "
            "property. Accuracy checks on a sample of 400 answers found 11 that were incomplete or out of "
            "date; the underlying documents have since been corrected.\n\n"
            "Digital-rights groups said the pilot's transparency was welcome but urged the municipality to "
            "publish the review panel's findings in full. Officials said a summary would be released when the "
            "pilot ends in September. Details are available on the [pilot's information "
            "page](https://example.org/permit-assistant-pilot)."
        ),
        "tags": ["ai", "cities", "ankara"],
        "caption": (
            "A resident uses the municipality's permit assistant on a tablet at a district service centre in "
            "Ankara, April 3, 2026."
        ),
        "credit": "AA Photo",
        "alt": "A woman holding a tablet showing a chat window at a service counter.",
        "featured": False,
        "status": "published",
        "hours_ago": 14,
        "comments_open": True,
    },
    {
        "headline": "Open-Source Tool Helps Small Newsrooms Spot Manipulated Images",
        "slug": "open-source-tool-small-newsrooms-manipulated-images",
        "category": "Technology",
        "authors": ["elena-duarte"],
        "standfirst": (
            "A Lisbon start-up has released free software that checks photos for signs of editing or AI "
            "generation. Its makers stress that it offers warning signs, not verdicts."
        ),
        "body": (
            "A two-year-old start-up in Lisbon has released a free, open-source tool designed to help small "
            "newsrooms check whether photos and screenshots have been edited or generated by artificial "
            "intelligence.\n\n"
            "The tool, called Lumen Check, runs in a web browser and combines several established techniques: "
            "it reads a file's metadata, looks for signs that an image has been compressed more than once, "
            "compares it against public archives, and flags patterns commonly produced by image-generation "
            "models. It then presents the results in plain language, with a confidence level for each check.\n\n"
            'Founder Ines Carvalho said the aim was not to deliver a single verdict. "No tool can tell you '
            "with certainty that an image is real. What we can do is give an editor a checklist of warning "
            'signs in two minutes instead of twenty," she said.\n\n'
            "The company developed the tool over 14 months with input from 23 local and regional news "
            "organisations in Portugal, Spain and Brazil. Editors told the developers that most existing "
            "verification software was either too expensive or designed for specialist investigators. **The "
            "software is free to use and its code is published under an open licence**, allowing newsrooms and "
            "universities to run their own copies. The start-up plans to earn revenue by offering training and "
            "a paid version with shared team workspaces.\n\n"
            "Independent researchers who tested an early version said it performed well on obviously edited "
            "images but struggled with screenshots of social media posts, which are often cropped and "
            "recompressed many times. Detection of AI-generated images also tends to become less reliable as "
            "new models are released.\n\n"
            "> \"Tools like this are useful as long as nobody treats them as a lie detector. The reporter's "
            'own checks, such as calling the source and finding the original, still matter most," said Tomasz '
            "Wrobel, a media researcher who reviewed the software.\n\n"
            "The developers have published a guide to interpreting the results and say they will update the "
            "detection models every quarter."
        ),
        "tags": ["ai", "media", "startups"],
        "caption": (
            "Lumen Check founder Ines Carvalho demonstrates the image-verification tool at the company's "
            "office in Lisbon, March 26, 2026."
        ),
        "credit": "Lumen Check Handout",
        "alt": "A woman pointing at a monitor that shows a photo next to a list of verification checks.",
        "featured": False,
        "status": "published",
        "hours_ago": 260,
        "comments_open": True,
    },
    {
        "headline": "Start-Up Bets on Sodium-Ion Batteries for Cheaper Home Energy Storage",
        "slug": "start-up-sodium-ion-home-batteries",
        "category": "Technology",
        "authors": ["elena-duarte", "marcus-whitfield"],
        "standfirst": (
            "Rotterdam-based Noordlicht Energy has raised 38 million euros to sell home batteries that use "
            "sodium instead of lithium, promising lower prices for households with solar panels."
        ),
        "body": (
            "A Rotterdam-based start-up is preparing to sell home battery systems built with sodium-ion cells, "
            "betting that the technology can make storing rooftop solar power cheaper for ordinary households.\n\n"
            "Noordlicht Energy said on Thursday it had raised 38 million euros in a funding round led by two "
            "European climate-focused investors. The company plans to begin deliveries of its first "
            "10-kilowatt-hour home unit in the Netherlands and Belgium in October.\n\n"
            "Most home batteries today use lithium-ion cells. Sodium-ion batteries work on a similar principle "
            "but rely on sodium, which is abundant and widely available. They are heavier and store less "
            "energy for their size, which makes them less suitable for phones or long-range cars, but weight "
            "matters far less for a battery mounted on a garage wall.\n\n"
            "Chief executive Pieter van Dam said the company expected its unit to sell for about **20 percent "
            "less** than comparable lithium-based systems once production reaches scale. Sodium-ion cells also "
            'perform better in cold weather and are considered less prone to overheating, he said. "For a '
            "household, the question is simple: how many years until the battery pays for itself? If we can "
            'bring that from ten years down to seven, a lot more people will say yes," van Dam said.\n\n'
            "Energy analysts said the economics depend heavily on how quickly cell manufacturers scale up. "
            "Several large battery makers have announced sodium-ion production lines, but volumes remain small "
            "compared with lithium-ion, and early products have had mixed reviews.\n\n"
            "The company also faces a changing market. The Netherlands is ending its net-metering scheme, "
            "under which households could offset the electricity they export against what they consume, from "
            "2027. That change is expected to make home storage more attractive, since households will earn "
            "less for surplus power exported at midday and will want to use more of it themselves in the "
            "evening.\n\n"
            "Noordlicht said it would use the new funding to expand its engineering team from 45 to about 110 "
            "people and to open a small assembly line near Rotterdam's port."
        ),
        "tags": ["energy", "startups"],
        "caption": (
            "An engineer checks a prototype home battery unit at Noordlicht Energy's workshop in Rotterdam, "
            "April 2, 2026."
        ),
        "credit": "Noordlicht Energy Handout",
        "alt": "An engineer in safety glasses inspecting a white wall-mounted battery cabinet in a workshop.",
        "featured": False,
        "status": "published",
        "hours_ago": 330,
        "comments_open": True,
    },
    {
        "headline": "Astronomers Say Newly Found Comet Could Be Visible to the Naked Eye in June",
        "slug": "new-comet-could-be-visible-naked-eye-june",
        "category": "Science",
        "authors": ["priya-raman"],
        "standfirst": (
            "The comet, discovered by a retired teacher in northern Norway, makes its closest approach to the "
            "Sun in late May. Whether it becomes a spectacle depends on how it survives."
        ),
        "body": (
            "A comet discovered in January by an amateur astronomer in Norway could become bright enough to "
            "see without a telescope in early June, astronomers said this week, although they cautioned that "
            "comets are notoriously hard to predict.\n\n"
            "The comet, designated C/2026 A3 and informally named after its discoverer, Erik Halvorsen, is "
            "moving through the inner solar system and will make its closest approach to the Sun on May 28. It "
            "is expected to pass about 92 million kilometres from Earth in mid-June.\n\n"
            "## How bright will it get?\n\n"
            "Current estimates suggest the comet could reach a magnitude of around 4, similar to the faintest "
            "stars visible from a suburban garden. If it brightens faster than expected, it could become an "
            "easy naked-eye object with a visible tail; if it breaks apart near the Sun, as some comets do, it "
            "may fade quickly.\n\n"
            '"We have good orbital data but only an estimate of how much ice and dust it holds," said Dr. '
            "Amara Osei, an astronomer at a university observatory in Cape Town who is tracking the comet. "
            '"Every comet behaves a little differently. We will know much more after it rounds the Sun."\n\n'
            "Halvorsen, a retired physics teacher, spotted the faint smudge in images he took with a "
            '20-centimetre telescope from his home near Tromso. "I checked it three nights in a row before I '
            'believed it," he said.\n\n'
            "## Tips for observers\n\n"
            "Astronomers recommend:\n\n"
            "- looking low in the northwest sky about an hour after sunset in the second week of June\n"
            "- finding a spot away from streetlights, with a clear view of the horizon\n"
            "- using binoculars to locate the comet first, then trying without them\n\n"
            "Schools and astronomy clubs in several countries are planning public viewing evenings. An "
            "observatory network has published a [finder "
            "chart](https://example.org/comet-c2026-a3-finder-chart) that will be updated weekly as the "
            "comet's brightness changes."
        ),
        "tags": ["research", "education"],
        "caption": (
            "Amateur astronomer Erik Halvorsen sets up his telescope outside his home near Tromso, Norway, "
            "February 11, 2026."
        ),
        "credit": "Arctic Sky Photo",
        "alt": "A man in a winter coat adjusting a telescope on a tripod in the snow at dusk.",
        "featured": False,
        "status": "published",
        "hours_ago": 1,
        "comments_open": True,
    },
    {
        "headline": "Deep-Sea Survey Maps Extensive Coral Gardens Off the Aegean Coast",
        "slug": "deep-sea-survey-maps-aegean-coral-gardens",
        "category": "Science",
        "authors": ["priya-raman"],
        "standfirst": (
            "A joint Turkish and Greek expedition filmed dense cold-water coral habitats across 14 square "
            "kilometres of seafloor, and researchers are now asking for the area to be considered for "
            "protection."
        ),
        "body": (
            "Marine scientists have mapped a series of cold-water coral gardens on underwater slopes in the "
            "northern Aegean Sea, describing the find as one of the most extensive of its kind recorded in the "
            "eastern Mediterranean.\n\n"
            "The survey, carried out over 26 days in March 2026 by a research vessel operated by a consortium "
            "of Turkish and Greek universities, used a remotely operated vehicle to film the seafloor at "
            "depths between 180 and 640 metres. The team recorded dense patches of branching corals, sponges "
            "and sea fans across an area of roughly 14 square kilometres.\n\n"
            "## A rare habitat\n\n"
            "Cold-water corals grow slowly, often just a few millimetres a year, and some colonies can be "
            "hundreds of years old. They provide shelter and feeding grounds for fish, crabs and other "
            "species, and are vulnerable to damage from bottom trawling and anchors.\n\n"
            '"Seeing these gardens intact was a surprise. Many similar habitats in the Mediterranean show '
            'scars from fishing gear," said Dr. Elif Sahin, a marine biologist who co-led the expedition. '
            '"Here, the slopes are steep and rocky, which may have kept trawlers away." The team identified '
            "at least **63 species** in the footage and collected small samples under permit for genetic "
            "analysis. Several sponges may be new records for the Aegean, pending confirmation.\n\n"
            "## Protection debate\n\n"
            "The researchers have shared their maps with environmental authorities in both countries and "
            "recommended that the area be considered for protection. Fishing associations said they were open "
            "to discussions but asked that any restrictions be based on detailed maps, so that productive "
            "fishing grounds nearby are not closed unnecessarily.\n\n"
            '> "Protecting the corals and supporting local fishers are not opposing goals. Good maps help us '
            'draw sensible lines," said Nikos Andreou, an oceanographer on the Greek side of the project.\n\n'
            "The footage and a preliminary species list have been published in an open data repository, and a "
            "peer-reviewed paper describing the survey is expected later this year. The team hopes to return "
            "in the autumn to survey two more slopes further east."
        ),
        "tags": ["research", "wildlife"],
        "caption": (
            "Scientists lower a remotely operated vehicle from the deck of a research vessel in the northern "
            "Aegean Sea, March 12, 2026."
        ),
        "credit": "Survey Team Photo",
        "alt": "A yellow underwater robot hanging from a crane over the side of a ship, with crew members guiding it.",
        "featured": True,
        "status": "published",
        "hours_ago": 26,
        "comments_open": True,
    },
    {
        "headline": "Drought-Tolerant Wheat Variety Holds Up in Three-Year Field Trial",
        "slug": "drought-tolerant-wheat-field-trial",
        "category": "Science",
        "authors": ["priya-raman"],
        "standfirst": (
            "Bred from a traditional upland wheat, the new variety out-yielded standard seeds by 17 percent in "
            "a dry season in central Anatolia. Researchers say water management matters just as much."
        ),
        "body": (
            "A wheat variety developed through conventional breeding produced yields about 17 percent higher "
            "than standard varieties during a dry season in a three-year field trial in central Anatolia, "
            "researchers reported this week.\n\n"
            "The trial, run between 2023 and 2025 on 36 plots near Konya and Eskisehir, compared the new "
            "variety with three varieties widely grown by local farmers. In years with normal rainfall, yields "
            "were similar. But in 2025, when spring rainfall was about 40 percent below average, the new "
            "variety produced an average of 2.9 tonnes per hectare compared with 2.5 tonnes for the standard "
            "varieties.\n\n"
            "The researchers attribute the difference largely to root structure. The variety, bred by crossing "
            "a commercial wheat with a traditional landrace collected from a dry upland region, develops roots "
            "that reach deeper into the soil, allowing it to draw on moisture that shallower-rooted plants "
            'cannot. "Farmers have been saving seed from hardy local wheats for generations. We combined that '
            'resilience with the yield and disease resistance of modern varieties," said Dr. Hatice Yildiz, a '
            "plant breeder who led the project.\n\n"
            "The variety has been submitted for national registration, a process that typically takes two "
            "years. If approved, seed could be available to farmers from the 2028 planting season. The team is "
            "also working with farmer cooperatives to test it on larger commercial fields from this autumn.\n\n"
            "Agricultural economists said the results were encouraging but stressed that a single variety "
            "cannot solve water shortages. Groundwater levels in parts of the Konya plain have fallen sharply "
            "over the past two decades, driven largely by irrigation.\n\n"
            "**Better seeds need to go hand in hand with better water management**, said Can Erdem, an "
            "agricultural economist, who pointed to drip irrigation and crop rotation as equally important for "
            "farms in the region. The full results are published in an open-access [research "
            "paper](https://example.org/anatolia-wheat-trial-2026)."
        ),
        "tags": ["research", "food", "water", "rural"],
        "caption": "A plant breeder measures wheat stalks on a trial plot near Konya, June 18, 2025.",
        "credit": "Newsblog Photo",
        "alt": "A researcher kneeling in a golden wheat field holding a measuring stick beside the plants.",
        "featured": False,
        "status": "published",
        "hours_ago": 400,
        "comments_open": True,
    },
    {
        "headline": "Hospitals Cut Waiting Times With Evening and Weekend Outpatient Clinics",
        "slug": "hospitals-evening-weekend-outpatient-clinics",
        "category": "Health",
        "authors": ["priya-raman"],
        "standfirst": (
            "A pilot in the Port Halden region reduced median waits by nearly a quarter and cut missed "
            "appointments, but unions warn that extra shifts cannot be the long-term answer."
        ),
        "body": (
            "Three hospitals in the Port Halden region have reduced waiting times for routine outpatient "
            "appointments by nearly a quarter after opening clinics in the evenings and on Saturdays, "
            "according to figures published by the regional health authority.\n\n"
            "The pilot, which began in September 2025, added extra sessions in six specialties with long "
            "waiting lists, including dermatology, ear, nose and throat, and orthopaedics. Clinics now run "
            "until 8 p.m. on weekdays and from 9 a.m. to 2 p.m. on Saturdays.\n\n"
            "## The results so far\n\n"
            "By the end of March 2026, the median wait from referral to first appointment in the participating "
            "specialties had fallen from 19 weeks to 14.5 weeks. The number of patients waiting more than a "
            "year dropped from 2,140 to 610.\n\n"
            "Missed appointments also fell. Hospital managers said patients were less likely to skip evening "
            "slots because they did not have to take time off work. The rate of missed appointments in the "
            "extended clinics was 4.8 percent, compared with 7.9 percent for daytime sessions.\n\n"
            '> "We asked patients what would make it easier to attend, and the overwhelming answer was after '
            "work or on a Saturday morning,\" said Dr. Rachel Mensah, the region's medical director for "
            "outpatient care.\n\n"
            "## Staffing questions\n\n"
            "The extra sessions are staffed largely by doctors and nurses who volunteer for additional paid "
            "shifts, and unions have raised concerns about fatigue. The health authority said no staff member "
            "works more than two extra sessions a week and that it is recruiting 40 additional staff to make "
            "the model sustainable.\n\n"
            "The pilot cost about 6.2 million euros in its first seven months, mainly in overtime and longer "
            "building opening hours. Officials said the cost per appointment was roughly in line with sending "
            "patients to private providers, which the authority had done previously to reduce backlogs. The "
            "health authority will decide in July whether to extend the scheme to its remaining four hospitals."
        ),
        "tags": ["health", "cities"],
        "caption": (
            "Patients wait for evening appointments in an outpatient clinic at a hospital in Port Halden, "
            "March 24, 2026."
        ),
        "credit": "Staff Photo",
        "alt": "A hospital waiting area in the evening with several people seated in rows of chairs.",
        "featured": False,
        "status": "published",
        "hours_ago": 170,
        "comments_open": True,
    },
    {
        "headline": "Weekly Walking Groups Linked to Lower Blood Pressure in Adults Over 60, Study Finds",
        "slug": "walking-groups-lower-blood-pressure-over-60s",
        "category": "Health",
        "authors": ["priya-raman"],
        "standfirst": (
            "Older adults who walked with a group at least twice a week saw modest drops in blood pressure "
            "over a year. The social side of the walks may be what kept them going."
        ),
        "body": (
            "Older adults who joined organised walking groups at least twice a week saw modest but meaningful "
            "reductions in blood pressure over a year, according to a study of more than 1,900 participants "
            "published this week.\n\n"
            "Researchers followed adults aged 60 to 84 in four cities, half of whom were offered a place in a "
            "local walking group led by trained volunteers. The groups met for 45-minute walks at a moderate "
            "pace, usually in parks or along riverside paths. The other half received standard health advice.\n\n"
            "After 12 months, participants who attended the walks regularly saw their systolic blood pressure "
            "fall by an average of **5.8 points**, compared with 1.9 points in the comparison group. Those who "
            "attended fewer than one walk a week saw little benefit.\n\n"
            "## More than exercise\n\n"
            "The researchers said the social side of the groups appeared to matter. Regular attenders reported "
            'less loneliness and were more likely to keep walking after the study ended. "People come for the '
            "walk and stay for the conversation. That is what keeps them turning up in February when it is "
            'raining," said Dr. Samuel Adeyemi, an epidemiologist who led the study.\n\n'
            "The reductions are smaller than those typically achieved with blood-pressure medication, and the "
            "researchers stressed that walking is not a replacement for treatment prescribed by a doctor. But "
            "they noted that even small reductions across a population can lower the number of strokes and "
            "heart attacks.\n\n"
            "## Practical advice\n\n"
            "For people who want to start, the authors suggest:\n\n"
            "- beginning with shorter, flat routes and building up gradually\n"
            "- walking at a pace where talking is possible but singing is not\n"
            "- checking with a doctor first if they have heart or joint problems\n\n"
            "The study had limitations. Participants were not randomly assigned in every city, and those who "
            "chose to attend may have been healthier to begin with. The researchers plan a larger randomised "
            "trial starting in 2027."
        ),
        "tags": ["health", "research"],
        "caption": (
            "Members of a walking group for over-60s set off along a riverside path in Ghent, Belgium, March 5, 2026."
        ),
        "credit": "Newsblog Photo",
        "alt": "A group of older adults in raincoats walking together along a tree-lined river path.",
        "featured": False,
        "status": "published",
        "hours_ago": 480,
        "comments_open": True,
    },
    {
        "headline": "Pharmacies in Rural Districts to Offer Free Flu Vaccinations This Autumn",
        "slug": "rural-pharmacies-free-flu-vaccinations",
        "category": "Health",
        "authors": ["priya-raman"],
        "standfirst": (
            "Trained pharmacists in 42 rural districts will vaccinate older adults and other high-risk groups "
            "without an appointment, in a bid to close a gap in uptake with the cities."
        ),
        "body": (
            "Community pharmacies in 42 rural districts will offer free flu vaccinations to adults over 65, "
            "pregnant women and people with chronic illnesses this autumn, health officials announced on "
            "Wednesday, in an effort to raise uptake in areas far from hospitals and clinics.\n\n"
            "Under the scheme, trained pharmacists will be able to vaccinate eligible patients without an "
            "appointment from October 1 until the end of January 2027. Until now, most rural residents have "
            "had to visit a family health centre, which in some districts means a round trip of more than 60 "
            "kilometres.\n\n"
            "Flu vaccination rates among people over 65 were about 58 percent in rural districts last winter, "
            "compared with 71 percent in urban areas, according to the health ministry. Officials hope to "
            'close most of that gap within two seasons. "For an older farmer, losing a morning to travel for '
            'a vaccine is a real cost. Putting it in the village pharmacy removes that barrier," said Dr. '
            "Aylin Korkmaz, who heads the ministry's immunisation department.\n\n"
            "About 1,100 pharmacies have signed up so far. Each pharmacist must complete a two-day training "
            "course covering vaccine storage, administration and the management of rare allergic reactions. "
            "Pharmacies will receive a fixed fee for each vaccination to cover staff time.\n\n"
            "Pharmacists' associations welcomed the plan but said the fee was low given the time required for "
            "record-keeping. Some family doctors expressed concern that patients vaccinated at pharmacies "
            "might miss other routine checks usually offered during the same visit, such as blood-pressure "
            "measurements.\n\n"
            "Officials said pharmacy vaccinations would be recorded in the national health database in real "
            "time, so that family doctors can see who has been vaccinated and follow up where needed. The "
            "ministry will publish a list of participating pharmacies in September."
        ),
        "tags": ["health", "rural"],
        "caption": "A pharmacist prepares a vaccine in the consultation room of a village pharmacy, October 6, 2025.",
        "credit": "Staff Photo",
        "alt": "A pharmacist in a white coat filling a syringe at a small counter.",
        "featured": False,
        "status": "draft",
        "hours_ago": 0,
        "comments_open": True,
    },
    {
        "headline": "Otters Return to Restored River Valley After Two-Decade Absence",
        "slug": "otters-return-restored-river-valley",
        "category": "Environment",
        "authors": ["elena-duarte"],
        "standfirst": (
            "Camera traps on the Brenna river have recorded a female otter with two cubs, the first sign of "
            "breeding since the species vanished from the valley in 2004."
        ),
        "body": (
            "Otters have been recorded breeding on the Brenna river for the first time in more than 20 years, "
            "conservationists said this week, in what they described as a strong sign that a decade-long "
            "restoration project is working.\n\n"
            "Camera traps placed along a 12-kilometre stretch of the river captured footage in February and "
            "March 2026 of an adult female and two cubs, as well as at least one other adult. Droppings and "
            "footprints have since been found at 17 locations along the river and two of its tributaries.\n\n"
            "## A river brought back\n\n"
            "The Brenna was heavily polluted by runoff from farms and a former tannery until the early 2000s, "
            "and otters disappeared from the valley around 2004. Since 2015, a partnership of local councils, "
            "farmers and a conservation trust has:\n\n"
            "- removed or bypassed six small weirs that blocked fish migration\n"
            "- planted about 40,000 native trees along the riverbanks\n"
            "- paid farmers to create buffer strips that trap fertiliser and soil before they reach the water\n"
            "- reconnected three side channels and wetlands to the main river\n\n"
            "Water quality has improved steadily. Monitoring by the regional environment agency shows nitrate "
            "levels down by about a third since 2016, and fish surveys have recorded trout in stretches where "
            "none had been found for decades.\n\n"
            '"Otters are top predators. If they can raise cubs here, it tells us there are enough fish and '
            'enough quiet, undisturbed bank to support them," said Clara Hughes, project manager at the '
            "conservation trust.\n\n"
            "## Keeping it going\n\n"
            "Farmers involved in the scheme said the payments for buffer strips had been important but warned "
            "that some agreements expire in 2027. **The trust is seeking about 1.4 million euros** to renew "
            "them for another five years.\n\n"
            "Visitors are asked to keep dogs on leads along the riverbanks during the spring breeding season "
            "and to report sightings through the trust's website rather than approaching the animals."
        ),
        "tags": ["water", "wildlife"],
        "caption": (
            "A camera-trap image shows an otter and her two cubs on the bank of the Brenna river, March 3, 2026."
        ),
        "credit": "River Trust Photo",
        "alt": "A grainy night-time image of three otters on a muddy riverbank.",
        "featured": False,
        "status": "published",
        "hours_ago": 120,
        "comments_open": True,
    },
    {
        "headline": "Istanbul Expands Rooftop Solar Scheme to Reach 40,000 Homes by 2028",
        "slug": "istanbul-rooftop-solar-scheme-40000-homes",
        "category": "Environment",
        "authors": ["elena-duarte"],
        "standfirst": (
            "Residents' associations in apartment buildings will be able to apply together for low-interest "
            "loans and technical support under the expanded programme."
        ),
        "body": (
            "Istanbul's metropolitan municipality said on Friday it would expand a subsidised rooftop solar "
            "programme to reach 40,000 homes by the end of 2028, up from about 6,500 today.\n\n"
            "The programme, launched as a pilot in two districts in 2024, offers households low-interest loans "
            "and technical support to install solar panels on apartment buildings and detached houses. Under "
            "the expanded scheme, residents' associations will be able to apply collectively, which officials "
            "said was essential in a city where most people live in flats.\n\n"
            "Participating buildings receive a free technical survey to check the condition and orientation of "
            "the roof. If it is suitable, the municipality arranges installation through approved contractors "
            "and offers a loan repayable over eight years at below-market interest. Households repay the loan "
            "from savings on their electricity bills. Officials estimate that a typical 30-kilowatt "
            "installation on an apartment building would cost about 1.1 million lira and cut residents' "
            "combined electricity bills by around 18 percent in the first year.\n\n"
            "Energy experts welcomed the expansion but noted that older buildings may need roof repairs or "
            "structural checks before panels can be installed safely. The municipality said it would set aside "
            "part of the budget for such repairs in lower-income neighbourhoods. Local electricity "
            "distributors will also need to upgrade some neighbourhood transformers to handle power flowing "
            "back into the grid on sunny afternoons.\n\n"
            '> "Rooftop solar is one of the fastest ways a city can cut emissions without using new land. The '
            'challenge is organising hundreds of small projects instead of one big one," said Selin Aktas, an '
            "energy policy researcher at an Istanbul university.\n\n"
            "The expansion is expected to add about 450 megawatts of solar capacity across the city. "
            "Applications for the next round open on June 1, and details are available on the [programme "
            "website](https://example.org/istanbul-rooftop-solar)."
        ),
        "tags": ["energy", "cities", "housing"],
        "caption": (
            "Technicians install solar panels on the roof of an apartment building in Istanbul's Uskudar "
            "district, April 10, 2026."
        ),
        "credit": "AA Photo",
        "alt": "Two technicians in hard hats fixing solar panels to a flat rooftop, with the city skyline behind.",
        "featured": False,
        "status": "published",
        "hours_ago": 60,
        "comments_open": True,
    },
    {
        "headline": "Five Cities Plant Heat-Resistant Street Trees as Summers Grow Hotter",
        "slug": "five-cities-plant-heat-resistant-street-trees",
        "category": "Environment",
        "authors": ["elena-duarte"],
        "standfirst": (
            "Seville, Athens, Adana, Naples and Nicosia are planting more than 26,000 trees chosen for the "
            "climate of 2070, with strict limits on how many of any one species they use."
        ),
        "body": (
            "City gardeners in Seville, Athens, Adana, Naples and Nicosia are planting more than 26,000 street "
            "trees this spring under a shared programme that selects species expected to cope with hotter, "
            "drier summers.\n\n"
            "The project, coordinated by a network of urban forestry departments, grew out of concerns that "
            "some traditional street trees are struggling. Plane trees and horse chestnuts, common in southern "
            "European cities, have shown increasing signs of heat stress and disease during recent summers.\n\n"
            "Foresters drew up a list of about 30 species based on their tolerance of heat, drought and poor "
            "urban soils. They include Mediterranean natives such as the holm oak and the carob, as well as "
            "species from drier regions such as the Chinese pistache and the desert willow. Each city is "
            "planting a mix, with no single species making up more than 10 percent of new trees. That rule is "
            "meant to reduce the risk of a single pest or disease wiping out large numbers of trees at once.\n\n"
            '"The tree we plant today has to thrive in the climate of 2070, not the climate of 1970," said '
            'Andreas Georgiou, head of urban greenery in Nicosia. "That changes what we choose."\n\n'
            "Shaded streets can be several degrees cooler at pavement level than unshaded ones, and "
            "researchers will monitor surface temperatures on 40 streets in the five cities over the next five "
            "years to measure the new trees' effect.\n\n"
            "Planting is only part of the challenge. Young trees need regular watering for their first three "
            "summers, and survival rates in some past programmes fell below 70 percent. This time, cities are "
            "installing slow-release watering bags and **training local volunteers to adopt trees** on their "
            "own streets. The network plans to publish its species list and planting guidelines so that "
            "smaller towns facing the same problems can use them."
        ),
        "tags": ["climate", "cities"],
        "caption": "Municipal gardeners plant a young holm oak on a residential street in Seville, February 27, 2026.",
        "credit": "Harbor Wire Photo",
        "alt": "Gardeners in green uniforms lowering a young tree into a freshly dug pit on a city pavement.",
        "featured": False,
        "status": "published",
        "hours_ago": 540,
        "comments_open": True,
    },
    {
        "headline": "Late Penalty From Teenage Substitute Sends Harbourside FC Into Cup Semi-Final",
        "slug": "harbourside-fc-late-penalty-cup-semi-final",
        "category": "Sports",
        "authors": ["tomas-novak"],
        "standfirst": (
            "Kerem Balci, 19, scored in stoppage time as the second-tier side came from behind to beat "
            "top-flight Northgate United 2-1 before a record home crowd."
        ),
        "body": (
            "A stoppage-time penalty from 19-year-old substitute Kerem Balci sent Harbourside FC into the "
            "national cup semi-finals on Wednesday night, as the second-tier side beat top-flight Northgate "
            "United 2-1 in front of a sold-out home crowd.\n\n"
            "Balci, who had been on the pitch for only eleven minutes, stepped up after Northgate defender "
            "Luis Ferreira was judged to have pulled back striker Daniel Okoro in the area in the 93rd minute. "
            "The referee awarded the penalty after a video review lasting almost two minutes. Balci sent the "
            "goalkeeper the wrong way and ran to the corner flag, where he was mobbed by his team-mates.\n\n"
            "## A match of two halves\n\n"
            "Northgate dominated the first half and took the lead in the 28th minute through a header from "
            "captain Jonas Lind. Harbourside managed just one shot in the opening 45 minutes.\n\n"
            "The home side improved after the break, pressing higher and switching to three central defenders. "
            "Okoro equalised in the 67th minute with a low shot from the edge of the box after Northgate "
            "failed to clear a corner.\n\n"
            '"At half-time I told them we had nothing to lose. We were too respectful in the first half," '
            'said Harbourside manager Gareth Pryce. "The boy who scored the penalty has practised them after '
            'training every day for two years. He deserved that moment."\n\n'
            "## Numbers from the night\n\n"
            "- Possession: Northgate 61 percent, Harbourside 39 percent\n"
            "- Shots on target: Northgate 5, Harbourside 6\n"
            "- Attendance: 14,870, a stadium record\n\n"
            'Northgate manager Henrik Aalto said his side had lost control after the equaliser. "We stopped '
            'doing the simple things. Credit to them," he said.\n\n'
            "Harbourside, who last reached the semi-finals in 1998, will learn their opponents in Sunday's "
            "draw. The semi-finals will be played in the first week of May."
        ),
        "tags": ["football", "youth"],
        "caption": (
            "Harbourside FC substitute Kerem Balci celebrates after scoring the winning penalty against "
            "Northgate United, April 15, 2026."
        ),
        "credit": "Newsblog Sport Photo",
        "alt": (
            "A young footballer in a blue kit sliding on his knees towards the corner flag as fans cheer behind him."
        ),
        "featured": True,
        "status": "published",
        "hours_ago": 11,
        "comments_open": True,
    },
    {
        "headline": "Women's League Attendances Double as Clubs Move Matches to Main Stadiums",
        "slug": "womens-league-attendances-double",
        "category": "Sports",
        "authors": ["tomas-novak"],
        "standfirst": (
            "Fixed weekend kick-offs, capped ticket prices and a free-to-air TV deal have lifted the average "
            "crowd to more than 4,300. Players say salaries now need to catch up."
        ),
        "body": (
            "Average attendances in the national women's football league have more than doubled this season, "
            "after most clubs moved their matches from training grounds to their main stadiums and scheduled "
            "them in weekend afternoon slots.\n\n"
            "With two rounds remaining, the league's average crowd stands at 4,320, up from 1,950 last season, "
            "according to figures released by the league on Monday. Eight of the twelve clubs now play all "
            "their home matches at their main grounds, compared with three a year ago.\n\n"
            "League officials point to several changes made before the 2025-26 season:\n\n"
            "- fixtures announced eight weeks in advance, instead of two or three\n"
            "- ticket prices capped at the equivalent of 5 euros for adults, with free entry for under-16s\n"
            "- a broadcast deal that shows one live match every weekend on free-to-air television\n\n"
            '"Families told us they wanted to plan ahead and bring the children without spending a fortune. '
            'Once the matches were at proper stadiums with food stands and music, it felt like an event," '
            "said Maria Lopes, the league's commercial director. Clubs have reported knock-on benefits. "
            "Merchandise sales for women's teams rose by about 70 percent, and several sponsors have signed "
            "separate deals for the women's shirts.\n\n"
            "Players' representatives welcomed the growth but said salaries had not kept pace. The league's "
            "minimum wage remains below the national average salary, and many players still hold part-time "
            "jobs alongside training.\n\n"
            '> "The crowds show there is a market. Now the revenue needs to reach the players so they can '
            "train full-time,\" said Ana Ribeiro, a midfielder and vice-chair of the players' association.\n\n"
            "Pitch scheduling has also caused friction at clubs where men's and women's teams share a stadium, "
            "especially during the winter months when the grass needs time to recover. The league's final "
            "round is on May 24, when a crowd of more than 20,000 is expected for the title decider."
        ),
        "tags": ["football", "cities"],
        "caption": "Supporters fill the main stand for a women's league match at a city stadium, March 22, 2026.",
        "credit": "Staff Photo",
        "alt": "A crowded football stand with families waving scarves during a women's match.",
        "featured": False,
        "status": "published",
        "hours_ago": 190,
        "comments_open": True,
    },
    {
        "headline": "Port Halden Marathon Sets Participation Record With 41,000 Finishers",
        "slug": "port-halden-marathon-participation-record",
        "category": "Sports",
        "authors": ["tomas-novak"],
        "standfirst": (
            "Cool weather brought a course record in the men's race, while more than a third of finishers were "
            "running their first marathon."
        ),
        "body": (
            "More than 41,000 runners crossed the finish line at the Port Halden Marathon on Sunday, a record "
            "for the event, as cool and overcast conditions brought fast times and large crowds along the "
            "harbourfront course.\n\n"
            "Organisers said 41,286 runners finished the full distance, up from 36,500 last year. A further "
            "12,400 took part in a 10-kilometre race and a children's mile held earlier in the morning.\n\n"
            "Joseph Kiprono of Kenya won the men's race in 2 hours 6 minutes and 48 seconds, breaking the "
            "course record by 31 seconds after pulling away from a group of four runners at the 35-kilometre "
            "mark. Tigist Alemu of Ethiopia won the women's race in 2:21:15, finishing almost a minute ahead "
            'of local favourite Hanna Berg. "The course was fast and the crowds in the last five kilometres '
            'were incredible. I felt like they were pushing me," Kiprono said.\n\n'
            "Berg, who was running only her second marathon, said she was delighted with second place. "
            '"Hearing my name shouted at every corner is something I will never forget," she said.\n\n'
            "The event has grown rapidly since organisers introduced a more generous cut-off time of seven "
            "hours and added free training programmes for beginners. About 38 percent of this year's finishers "
            "were running their first marathon, and women made up 34 percent of the field, the highest share "
            "in the race's history.\n\n"
            "Medical teams treated 312 runners during the day, most for minor injuries and exhaustion. Eleven "
            "were taken to hospital as a precaution, and all were expected to be discharged by Monday.\n\n"
            "Runners also raised an estimated 3.5 million euros for charity. City officials said the marathon "
            "brought around 60,000 visitors to Port Halden over the weekend, filling hotels and restaurants "
            "along the waterfront. Registration for next year's race opens in June."
        ),
        "tags": ["cities", "health"],
        "caption": "Runners cross the harbour bridge during the Port Halden Marathon, April 12, 2026.",
        "credit": "Harbor Wire Photo",
        "alt": "A dense stream of marathon runners crossing a bridge over a harbour on an overcast morning.",
        "featured": False,
        "status": "published",
        "hours_ago": 36,
        "comments_open": True,
    },
    {
        "headline": "Debut Director's Quiet Family Drama Wins Top Prize at Aegean Coast Film Festival",
        "slug": "debut-family-drama-wins-aegean-coast-film-festival",
        "category": "Entertainment",
        "authors": ["tomas-novak"],
        "standfirst": (
            "The Orchard Keys, shot in 24 days with a largely non-professional cast, took the Golden Olive "
            "award in Izmir. Its director says she wanted to film the ordinary parts of family life."
        ),
        "body": (
            "A slow-paced family drama about three sisters clearing out their late father's house has won the "
            "top prize at the Aegean Coast Film Festival in Izmir, marking a striking debut for director "
            "Nilufer Aksoy.\n\n"
            "*The Orchard Keys*, shot over 24 days in a village outside Manisa with a largely non-professional "
            "cast, received the festival's Golden Olive award on Saturday night. The jury, chaired by veteran "
            'cinematographer Paulo Mendes, praised its "patience, warmth and precise sense of place."\n\n'
            "Aksoy, 34, said the film was inspired by her own experience of emptying her grandparents' home in "
            '2021. "When you open every drawer in a house, you find the whole life of a family. Some of it is '
            "funny, some of it is painful, and most of it is completely ordinary. I wanted to film that "
            'ordinary part," she said after the ceremony.\n\n'
            "The film was made on a budget of about 9 million lira, partly funded by a regional film fund and "
            "a crowdfunding campaign that drew contributions from more than 2,000 people.\n\n"
            "The jury's other main awards went to:\n\n"
            "- **Best director:** Julien Marchetti, for the Marseille-set thriller *Low Tide*\n"
            "- **Best actress:** Derya Tekin, who plays the eldest sister in *The Orchard Keys*\n"
            "- **Best actor:** Omar Haddad, for the road movie *Borrowed Summer*\n"
            "- **Audience award:** the documentary *Night Ferry*, about the crew of an overnight boat across "
            "the Aegean\n\n"
            "The festival screened 86 films from 31 countries over eight days and sold about 48,000 tickets, "
            "up from 41,000 last year, organisers said. *The Orchard Keys* is scheduled for release in cinemas "
            "in September, and a European distributor has acquired the rights for several countries."
        ),
        "tags": ["film", "culture"],
        "caption": (
            "Director Nilufer Aksoy holds the Golden Olive award on stage at the closing ceremony of the "
            "Aegean Coast Film Festival in Izmir, March 28, 2026."
        ),
        "credit": "Festival Photo",
        "alt": "A woman on a brightly lit stage holding a golden trophy shaped like an olive branch.",
        "featured": False,
        "status": "published",
        "hours_ago": 290,
        "comments_open": True,
    },
    {
        "headline": "Jazz Festival Returns to Ankara's Old Quarter With Free Courtyard Concerts",
        "slug": "hamamonu-jazz-days-ankara-free-concerts",
        "category": "Entertainment",
        "authors": ["tomas-novak"],
        "standfirst": (
            "Twenty-six of this year's 42 concerts will be free, staged in the courtyards and lanes of the "
            "restored Hamamonu neighbourhood from May 14 to 24."
        ),
        "body": (
            "The Hamamonu Jazz Days festival will return to Ankara's historic old quarter from May 14 to 24, "
            "with organisers promising more free outdoor concerts than ever in the restored courtyards and "
            "lanes around the neighbourhood.\n\n"
            "This year's programme includes 42 concerts by musicians from 14 countries. Twenty-six of them "
            "will be free, held in the courtyards of restored Ottoman-era houses and on a temporary stage near "
            "the neighbourhood's main square. Ticketed evening shows will take place at a concert hall nearby.\n\n"
            "Highlights announced by organisers include a pianist from Oslo performing with an Anatolian "
            "percussion ensemble, a big-band tribute to the Turkish jazz pioneers of the 1960s, and late-night "
            "jam sessions open to local music students.\n\n"
            "Festival director Emre Kocabas said the aim was to bring jazz to people who might never buy a "
            'concert ticket. "Last year, we saw grandmothers listening from their windows and children '
            'dancing in the lanes. That is the audience we want to grow," he said. The festival attracted '
            "about 35,000 visitors last year, according to organisers, and local shop owners said it brought "
            "welcome trade in what is usually a quieter month.\n\n"
            "Free concerts do not require tickets but have limited space, and organisers advise arriving at "
            "least 20 minutes early. The neighbourhood's narrow streets will be closed to cars on weekend "
            "evenings, and extra buses will run from Kizilay.\n\n"
            "**Tickets for the evening concerts go on sale on April 20**, with discounts for students and "
            "residents over 65. The full programme is available on the [festival "
            "website](https://example.org/hamamonu-jazz-days). Organisers said they had worked with the "
            "municipality to limit noise late at night following complaints from some residents last year, and "
            "that all outdoor concerts would end by 10:30 p.m."
        ),
        "tags": ["culture", "ankara"],
        "caption": (
            "A saxophonist performs for an audience in the courtyard of a restored house in Ankara's Hamamonu "
            "neighbourhood, May 17, 2025."
        ),
        "credit": "AA Photo",
        "alt": "A musician playing saxophone in a small stone courtyard while people sit on low stools listening.",
        "featured": False,
        "status": "published",
        "hours_ago": 230,
        "comments_open": True,
    },
    {
        "headline": "Series About a Night-Shift Bakery Becomes a Surprise Streaming Hit",
        "slug": "night-shift-bakery-series-streaming-hit",
        "category": "Entertainment",
        "authors": ["tomas-novak"],
        "standfirst": (
            "Flour Till Dawn, a modest Lisbon-made comedy-drama, has been watched for 41 million hours in "
            "three weeks, largely on the strength of word of mouth."
        ),
        "body": (
            "A low-budget comedy-drama about the staff of a 24-hour bakery has become one of the most-watched "
            "series on a major streaming platform this month, surprising its creators and much of the industry.\n\n"
            "*Flour Till Dawn*, an eight-episode series filmed in Lisbon, follows a group of bakers, delivery "
            "drivers and regular customers over a single summer. Each episode covers one night shift, from the "
            "first batch of bread at 10 p.m. to the morning rush. The show was made for roughly 6 million "
            "euros, a small budget for a streaming series. According to the platform's own weekly charts, the "
            "series was watched for **41 million hours** in its first three weeks and appeared in the top ten "
            "in 37 countries.\n\n"
            "The series launched with little marketing. Its popularity grew largely through social media, "
            "where viewers shared clips of the show's quiet late-night conversations and recreated recipes "
            "featured in the episodes.\n\n"
            "Creator and co-writer Beatriz Nunes said she based the characters on people she met while working "
            'night shifts in a bakery to pay for film school. "I wanted to show the people who keep a city '
            'running while everyone else sleeps. They have funny, sad, completely normal lives," she said.\n\n'
            "Critics have praised the performances, particularly that of Rui Matos as the bakery's gruff but "
            "kind head baker. Some reviewers found the later episodes slow, but most agreed the series offered "
            "a welcome change from high-budget thrillers.\n\n"
            "The platform has not yet confirmed a second season, but Nunes said scripts were being developed. "
            "Bakeries in several cities have reported customers asking for the show's signature custard buns, "
            "and one Lisbon bakery near the filming location said its weekend queues had doubled. Industry "
            "analysts said the show's success suggested that modest, character-driven series can still find "
            "global audiences without big stars or big budgets."
        ),
        "tags": ["film", "culture"],
        "caption": "Actors rehearse a scene on the bakery set of Flour Till Dawn in Lisbon, July 8, 2025.",
        "credit": "Studio Handout",
        "alt": "Actors in flour-dusted aprons standing around a wooden bakery counter on a film set.",
        "featured": False,
        "status": "draft",
        "hours_ago": 0,
        "comments_open": True,
    },
    {
        "headline": "The Quiet Comeback of the Neighbourhood Tea Garden",
        "slug": "quiet-comeback-neighbourhood-tea-garden",
        "category": "Lifestyle",
        "authors": ["tomas-novak"],
        "standfirst": (
            "Cheap, shaded and unhurried, tea gardens are drawing a younger crowd back to Turkey's city "
            "neighbourhoods, often with help from local councils."
        ),
        "body": (
            "On a Tuesday afternoon in Istanbul's Kadikoy district, every table at a small tea garden tucked "
            "behind a mosque is taken. Retired men play backgammon in one corner, two students share a laptop, "
            "and a young mother rocks a pram while chatting with a friend. Tea arrives in tulip-shaped "
            "glasses, at about 20 lira each.\n\n"
            "Tea gardens, or cay bahcesi, have long been part of daily life in Turkish cities. But as rents "
            "rose and cafes serving speciality coffee spread through central neighbourhoods, many older tea "
            "gardens closed or were converted. Now some are returning, often run by municipalities or "
            "neighbourhood cooperatives, and they are attracting a younger crowd.\n\n"
            "Part of the appeal is price. A glass of tea typically costs a fraction of a flat white in a "
            "nearby coffee shop, and nobody expects customers to order more than one drink an hour. Many tea "
            "gardens sit under plane trees or vines, offering rare shade in crowded districts.\n\n"
            '"You can sit here for three hours with a book and nobody looks at you," said Ece, a 24-year-old '
            'architecture student who comes several times a week. "In the fashionable cafes, you feel you '
            'have to keep buying things."\n\n'
            "Urban researchers say the revival reflects demand for affordable places to spend time outside "
            "home and work. Several municipalities in Istanbul, Ankara and Izmir have opened tea gardens in "
            "parks over the past two years, typically leasing them to operators on condition that prices stay "
            "low.\n\n"
            "Operators say margins are thin. Mustafa Erkan, who has run a tea garden in the same spot for 27 "
            'years, said he relies on volume. "On a good day we serve 1,500 glasses. If I raise the price too '
            'much, the neighbourhood stops coming, and then what is the point?" he said.\n\n'
            "For regulars, the attraction is simple: a place to sit, talk and watch the day go by, without "
            "anyone asking them to leave."
        ),
        "tags": ["food", "cities", "culture"],
        "caption": (
            "Customers play backgammon and drink tea under plane trees at a tea garden in Istanbul's Kadikoy "
            "district, April 7, 2026."
        ),
        "credit": "Newsblog Photo",
        "alt": "People sitting at small tables under large trees with glasses of tea and a backgammon board.",
        "featured": False,
        "status": "published",
        "hours_ago": 360,
        "comments_open": True,
    },
    {
        "headline": "A Weekend in Izmir: Markets, Ferries and the Kordon at Dusk",
        "slug": "weekend-in-izmir-markets-ferries-kordon",
        "category": "Lifestyle",
        "authors": ["tomas-novak"],
        "standfirst": (
            "Turkey's third-largest city is more than a gateway to the Aegean coast. Here is how to spend two "
            "unhurried days eating, wandering and crossing the bay by boat."
        ),
        "body": (
            "Turkey's third-largest city is often treated as a gateway to the beaches and ancient sites of the "
            "Aegean coast. But Izmir rewards a weekend of its own, with lively markets, cheap ferries and one "
            "of the most pleasant waterfront promenades in the Mediterranean.\n\n"
            "## Saturday: markets and old streets\n\n"
            "Start at Kemeralti, the sprawling historic bazaar, where narrow lanes are lined with spice "
            "sellers, tailors, coppersmiths and tiny restaurants serving lunch to shopkeepers. Look for "
            "**boyoz**, a flaky local pastry usually eaten with a hard-boiled egg, and finish with a Turkish "
            "coffee in the courtyard of a restored caravanserai.\n\n"
            "In the afternoon, head uphill to Kadifekale for views across the bay, or ride the Asansor, a "
            "19th-century lift tower that connects the lower and upper streets of the Karatas neighbourhood. "
            "The terrace at the top is a good place to watch the light change over the water.\n\n"
            "## Sunday: across the bay\n\n"
            "Izmir's ferries are among the best-value ways to see the city. A crossing from Konak to Karsiyaka "
            "takes about 20 minutes and costs little more than a bus fare. On the northern shore, wander the "
            "pedestrian shopping streets and stop for grilled fish near the pier.\n\n"
            "Return in the late afternoon and join locals on the Kordon, the long seafront promenade, as the "
            "sun sets over the bay. On warm evenings, families spread picnic blankets on the grass and street "
            "vendors sell mussels stuffed with spiced rice.\n\n"
            "## Practical tips\n\n"
            "- A single city transport card works on buses, the metro, trams and ferries\n"
            "- Spring and autumn are the most comfortable seasons, with daytime temperatures of around 20 to "
            "25 degrees\n"
            "- Some museums close on Mondays, so plan cultural visits for the weekend\n\n"
            "For a longer stay, day trips to the ancient city of Ephesus or the vineyards around Urla are easy "
            "by train or bus. A [walking map](https://example.org/izmir-weekend-walking-map) of the routes "
            "above is available to download."
        ),
        "tags": ["travel", "food"],
        "caption": "People stroll along the Kordon seafront promenade at sunset in Izmir, April 4, 2026.",
        "credit": "Newsblog Photo",
        "alt": "A wide waterfront promenade with people walking and sitting on the grass as the sun sets over the sea.",
        "featured": False,
        "status": "scheduled",
        "hours_ago": 0,
        "comments_open": True,
    },
    {
        "headline": "Repair Cafes Help Households Cut Waste and Save Money",
        "slug": "repair-cafes-cut-waste-save-money",
        "category": "Lifestyle",
        "authors": ["elena-duarte"],
        "standfirst": (
            "Volunteers with screwdrivers and sewing machines fixed about two-thirds of the items brought to "
            "one Port Halden repair cafe last year, and taught their owners how to do it."
        ),
        "body": (
            "Every second Saturday of the month, a community hall in the Port Halden suburb of Westmere fills "
            "with broken things: toasters that no longer heat, lamps with frayed cords, jeans with torn seams, "
            "a child's bicycle with a buckled wheel. Volunteers sit at tables with screwdrivers, soldering "
            "irons and sewing machines, and owners sit beside them to learn how to fix their own belongings.\n\n"
            "Repair cafes, which began in Amsterdam in 2009, have spread to thousands of locations worldwide. "
            "In Port Halden, the number of regular repair events has grown from two in 2022 to 14 this year, "
            "supported by small grants from the city's waste department.\n\n"
            "Volunteers at the Westmere event keep a record of every item. Of about 1,300 items brought in "
            "during 2025:\n\n"
            "- 38 percent were small electrical appliances, such as kettles, radios and hair dryers\n"
            "- 27 percent were clothing and textiles\n"
            "- 14 percent were bicycles and toys\n"
            "- the rest ranged from furniture to umbrellas and watches\n\n"
            "**About two-thirds were successfully repaired**, and a further 10 percent were partly fixed or "
            "diagnosed so that owners could order the right spare part.\n\n"
            'Visitors said the savings could be significant. "A new coffee machine would have cost me 180 '
            'euros. Here, someone replaced a 3-euro seal in ten minutes," said Rosa Lindgren, a retired nurse.\n\n'
            'Volunteer coordinator Daniel Mwangi said many people came back to volunteer themselves. "People '
            "arrive thinking they are not technical. After one visit, they realise a lot of repairs are about "
            'patience and the right screwdriver," he said.\n\n'
            "The city estimates the repair cafes kept about 11 tonnes of items out of landfill last year. "
            "Organisers are now urging manufacturers to make spare parts and repair manuals easier to obtain, "
            "in line with European right-to-repair rules being phased in over the coming years."
        ),
        "tags": ["climate", "cities"],
        "caption": (
            "A volunteer helps a visitor repair a table lamp at a repair cafe in Westmere, Port Halden, March 14, 2026."
        ),
        "credit": "Staff Photo",
        "alt": "Two people leaning over a table with a disassembled lamp, screwdrivers and a multimeter.",
        "featured": False,
        "status": "published",
        "hours_ago": 450,
        "comments_open": True,
    },
    {
        "headline": "Opinion: Every School Should Teach Students How Local News Is Made",
        "slug": "opinion-schools-teach-how-local-news-is-made",
        "category": "Opinion",
        "authors": ["leyla-arslan"],
        "standfirst": (
            "Lessons on spotting misinformation are welcome, but students also need to learn how reliable "
            "information is produced. Reporting on their own town is the best way to do it."
        ),
        "body": (
            "Ask a group of 15-year-olds where news comes from and many will name a social media app. Ask them "
            "who decides what the council spends on roads, or how a reporter confirms a story before "
            "publishing it, and the room usually goes quiet.\n\n"
            "That is not the students' fault. Most school curricula include lessons on spotting "
            "misinformation, which is welcome, but far fewer explain how reliable information is actually "
            "produced. I believe every secondary school should give students hands-on experience of local "
            "journalism.\n\n"
            "The most effective media lessons I have seen do not begin with warnings about fake news. They "
            "begin with a real local question. Why has the bus route changed? Who owns the empty lot near the "
            "school? What happened at last week's council meeting? Students then do what reporters do: attend "
            "a public meeting, read official documents, interview people with different views, check claims "
            "and write a short, fair account. Along the way, they learn that verification takes time, that "
            "sources can disagree honestly, and that a correction is a sign of accountability, not weakness.\n\n"
            "Local stories are where the connection between news and daily life is clearest. A student who has "
            "reported on a dangerous crossing near the school understands why public records matter far better "
            "than one who has only read about press freedom in a textbook.\n\n"
            "There is also a practical benefit for communities. In many towns, local newspapers have closed or "
            "shrunk, and council meetings go unreported. Student reporting, supervised by teachers and shared "
            "with local outlets, can help fill a small part of that gap.\n\n"
            "None of this requires a new subject. A few weeks within existing language or citizenship classes "
            "would be enough, supported by partnerships with local newsrooms willing to host visits and review "
            "student work.\n\n"
            "Young people will spend their lives surrounded by information. We should teach them not only how "
            "to doubt it, but how good information is made."
        ),
        "tags": ["education", "media", "youth"],
        "caption": (
            "Secondary school students interview a local councillor for a class reporting project, March 10, 2026."
        ),
        "credit": "Newsblog Photo",
        "alt": "Three teenagers holding notebooks and a phone recorder while talking to a man in a town hall corridor.",
        "featured": False,
        "status": "published",
        "hours_ago": 600,
        "comments_open": True,
    },
    {
        "headline": "Opinion: Judge a City by How Easily Its Children Can Get Around",
        "slug": "opinion-judge-city-by-childrens-independence",
        "category": "Opinion",
        "authors": ["elena-duarte"],
        "standfirst": (
            "Transport planners count cars and delays. A better test of a city is whether a ten-year-old can "
            "safely walk to school on their own."
        ),
        "body": (
            "When cities measure transport, they usually count cars per hour, minutes of delay or passengers "
            "per bus. These figures matter. But I would suggest a simpler test of whether a city works: can a "
            "ten-year-old walk or cycle safely to school, the park and a friend's house without an adult?\n\n"
            "In many cities, the honest answer is no. Surveys in several European countries show that the "
            "share of children travelling to school on their own has fallen sharply over the past few decades. "
            "Parents consistently cite traffic as one of their main concerns.\n\n"
            "## A test that helps everyone\n\n"
            "Designing streets for children is not only about children. A crossing that a child can use safely "
            "is also safer for an older person with a walking frame, a parent with a pram or a wheelchair "
            "user. A street slow enough for children to cycle on is quieter and more pleasant for everyone who "
            "lives there.\n\n"
            "Some cities have shown what is possible. Pontevedra in Spain restricted cars in its centre more "
            "than two decades ago and is now often cited as a place where children move around freely. Paris "
            "has closed many streets outside schools to through traffic, creating what it calls school streets.\n\n"
            "## Small steps, big effects\n\n"
            "The changes need not be expensive. Cities could start with:\n\n"
            "- speed limits of 30 kilometres per hour on residential streets\n"
            "- closing streets outside schools to cars at the start and end of the school day\n"
            "- continuous pavements across side roads, so that pedestrians keep priority\n"
            "- protected cycle routes that connect homes to schools and parks\n\n"
            "Critics argue that such measures slow traffic and frustrate drivers. That is a fair concern, and "
            "changes work best when planned with residents and local businesses. But the experience of cities "
            "that have tried them suggests that traffic adapts, and that streets become busier with people "
            "rather than emptier.\n\n"
            "A city where children can move about independently is usually a city that works well for all of "
            "us. That seems a measure worth tracking."
        ),
        "tags": ["cities", "transport", "youth"],
        "caption": "Children cycle to school along a protected bike lane on a residential street, March 18, 2026.",
        "credit": "Harbor Wire Photo",
        "alt": "Several children with backpacks riding bicycles in a separated cycle lane beside parked cars.",
        "featured": False,
        "status": "published",
        "hours_ago": 520,
        "comments_open": True,
    },
    {
        "headline": "Notes From the Newsroom: How We Check Photos Before We Publish Them",
        "slug": "notes-from-newsroom-how-we-check-photos",
        "category": "Blog",
        "authors": ["priya-raman"],
        "standfirst": (
            "From contacting the photographer to comparing the weather on the day, here are the steps our "
            "editors follow before an image appears on Newsblog."
        ),
        "body": (
            "Readers sometimes ask how we decide whether a photo is genuine, especially when images spread "
            "quickly on social media during breaking news. This post explains the steps our editors follow. It "
            "is the first in an occasional series about how Newsblog works.\n\n"
            "## Start with the source\n\n"
            "Our first question is always who took the photo and where we got it. Images from our own "
            "photographers and from the agencies we work with arrive with information about the photographer, "
            "time and location. Photos sent in by readers or found online need more checking. For those, an "
            "editor tries to contact the person who took the picture directly. We ask when and where it was "
            "taken, and we ask for the original file, which often contains more detail than a copy shared on "
            "social media.\n\n"
            "## Check the details\n\n"
            "We then compare the image with what we know about the event:\n\n"
            "- Does the weather in the photo match records for that day?\n"
            "- Do street signs, shopfronts or landmarks match the stated location?\n"
            "- Has the same image appeared online before, perhaps from an earlier event?\n\n"
            "Reverse image searches help with the last question. We also use software that can flag signs of "
            "editing or AI generation, but **we never rely on a tool alone**. These tools can be wrong in both "
            "directions.\n\n"
            "## When we are not sure\n\n"
            "If we cannot confirm an image, we do not publish it. Occasionally, when an unverified image is "
            "itself newsworthy, for example because it has misled many people, we may show it with a clear "
            "label explaining what we know and what we do not.\n\n"
            "Captions matter too. Every photo we publish should tell you who or what is shown, where and when, "
            "and who took it. If we get a caption wrong, we correct it and note the correction.\n\n"
            "We hope this helps explain what happens behind the scenes. If you have questions about our "
            "process, you can reach the standards team through our [contact "
            "page](https://example.org/contact-standards)."
        ),
        "tags": ["media", "ai"],
        "caption": (
            "A photo editor compares two versions of an image on screen in the Newsblog newsroom, April 1, 2026."
        ),
        "credit": "Newsblog Photo",
        "alt": "An editor at a desk looking at two similar photographs side by side on a large monitor.",
        "featured": False,
        "status": "published",
        "hours_ago": 5,
        "comments_open": True,
    },
    {
        "headline": "Reader Questions Answered: Why We Put Corrections at the Top of Articles",
        "slug": "reader-questions-why-corrections-at-top",
        "category": "Blog",
        "authors": ["leyla-arslan", "priya-raman"],
        "standfirst": (
            "Several readers have asked why we flag our mistakes so prominently instead of fixing them "
            "quietly. Here are our answers."
        ),
        "body": (
            "When we correct a mistake in an article, we add a note at the top of the page explaining what was "
            "wrong and what we changed. Several readers have asked why we do this rather than quietly fixing "
            "the error. Here are answers to the questions we hear most often.\n\n"
            "## Why not just fix the mistake?\n\n"
            "Because readers deserve to know that something has changed. If someone shared an article with an "
            "incorrect figure, or quoted it in a conversation, they should be able to see that the figure has "
            "since been corrected. Silent changes make it impossible to trust that what you read yesterday is "
            "what the article says today.\n\n"
            "## Which changes get a correction note?\n\n"
            "We add a note whenever we change a fact: a name, a number, a date, a quote or a description of "
            "events. We do not add notes for spelling fixes or small wording changes that do not affect the "
            "meaning. If we update a developing story with new information, we say that the article has been "
            "updated, which is different from a correction.\n\n"
            "## Doesn't this make you look bad?\n\n"
            "Every newsroom makes mistakes. During last year's regional election night, for example, we "
            "briefly reported the wrong turnout figure for one district after misreading an official table. We "
            "corrected it within 20 minutes and said so at the top of the article. Several readers wrote to "
            "thank us for being open about it.\n\n"
            '> "Corrections are a sign that a newsroom is paying attention," one reader wrote to us last '
            "month. We agree.\n\n"
            "## How can I report an error?\n\n"
            "Every article has a link at the bottom to report a mistake. An editor reads every message, and we "
            "aim to respond within two working days. If we decide not to make a change, we will explain why.\n\n"
            "We will also publish a monthly summary of corrections, so that readers can see how many errors we "
            "made and of what kind. The first summary will appear next month."
        ),
        "tags": ["media", "elections"],
        "caption": (
            "Editors review a printed page of corrections during the morning meeting in the Newsblog newsroom, "
            "March 31, 2026."
        ),
        "credit": "Newsblog Photo",
        "alt": "Two editors at a meeting table pointing at a marked-up printout.",
        "featured": False,
        "status": "draft",
        "hours_ago": 0,
        "comments_open": True,
    },
]
