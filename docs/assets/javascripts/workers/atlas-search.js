/* Search worker of Virtualization Atlas: Material's own worker, with two additions.
 *
 * 1. The index loads on the first query, not with every page. The page hands the worker a
 *    stub (search/search_index.json has no documents); the full index is
 *    search/atlas-index.json, fetched here when the reader first types.
 * 2. Direct hits. The index carries a table of every record's names, aliases, abbreviations
 *    and known typos (scripts/atlas/hits.py). When the whole query is one of them, or within
 *    an edit or two of one, or reads "a vs b" for a compared pair, those pages lead the
 *    results, ahead of lunr's word-count ranking.
 *
 * Material's worker is loaded with importScripts and driven through its message protocol
 * (0 setup, 1 ready, 2 query, 3 result), which Material documents for custom workers.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const INDEX_URL = new URL("../../../search/atlas-index.json", self.location.href)
const MAX_HITS = 3

/* Material's worker registers one message listener and answers with postMessage: both are
 * kept to ourselves, so each answer comes back to the call that asked. */
const post = self.postMessage.bind(self)
let material = null
let answer = null
self.addEventListener = (type, listener) => { material = listener }
importScripts(new URLSearchParams(self.location.search).get("material"))
delete self.addEventListener
self.postMessage = (message) => answer(message)

function ask(message) {
  return new Promise((resolve) => {
    answer = resolve
    material({ data: message })
  })
}

/* --- loading -------------------------------------------------------------------- */

let options = {}
let loaded = null
let hits = { names: {}, urls: {}, pairs: {} }
const docs = new Map()

function load() {
  loaded = loaded || fetch(INDEX_URL)
    .then((response) => response.json())
    .then((index) => {
      hits = index.hits || hits
      for (const doc of index.docs) docs.set(doc.location, doc)
      return ask({ type: SETUP, data: { config: index.config, docs: index.docs, options } })
    })
    .catch((error) => {
      loaded = null  // the next query tries again
      throw error
    })
  return loaded
}

/* --- direct hits ----------------------------------------------------------------- */

/* Same folding as atlas.text.fold: letters and digits only, lower case. */
const fold = (text) => text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")
const HAN = /\p{sc=Han}/u
const PAIR = /^(.+?)(?:\s+(?:vs\.?|versus|or|and|against|compared\s+(?:to|with))\s+|\s*(?:对比|与|和|跟|还是|比较)\s*)(.+)$/iu
/* Question words around a Chinese pair: "比较 KVM 和 Xen", "KVM 和 Xen 有什么区别？" */
const ASKING = /^(?:比较|对比)\s*|(?:\s|之间|有|什么|何|的|区别|差别|差异|不同|异同|对比|比较|哪个更?好|优劣|吗|呢|[?？])+$/gu

/* Optimal string alignment distance, giving up beyond `limit`. */
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1
  let before = null
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  let prevBest = 0
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j], before[j - 2] + 1)
      best = Math.min(best, row[j])
    }
    // a transposition reaches back two rows, so the row before may still come in under the limit
    if (Math.min(best, prevBest + 1) > limit) return limit + 1
    prevBest = best
    before = prev
    prev = row
  }
  return prev[b.length]
}

/* The refs a name stands for: exactly, or else the nearest names within the typo budget. */
function named(text) {
  const key = fold(text)
  if (hits.names[key]) return hits.names[key]
  if (key.length < 5 || HAN.test(key)) return []
  const limit = key.length < 9 ? 1 : 2
  let best = limit + 1
  let refs = []
  for (const name in hits.names) {
    if (HAN.test(name)) continue
    const d = distance(key, name, Math.min(limit, best))
    if (d < best) [best, refs] = [d, [...hits.names[name]]]
    else if (d === best) refs.push(...hits.names[name].filter((r) => !refs.includes(r)))
  }
  return best <= limit ? refs : []
}

/* Refs whose names contain the side's words ("swarm" in "Docker Swarm"): only to find a
 * comparison, never shown alone. */
function containing(text) {
  const key = fold(text)
  if (key.length < 4) return []
  const refs = new Set()
  for (const name in hits.names) if (name.includes(key)) hits.names[name].forEach((r) => refs.add(r))
  return [...refs]
}

function comparisonOf(a, b) {
  for (const x of a)
    for (const y of b) {
      const comparison = hits.pairs[[x, y].sort().join("|")]
      if (comparison) return [comparison]
    }
  return []
}

/* "a vs b": the comparison of the two, or else the pages of both. */
function paired(query) {
  const match = query.trim().replace(ASKING, "").match(PAIR)
  if (!match) return []
  const [a, b] = [named(match[1]), named(match[2])]
  const found = comparisonOf(a.length ? a : containing(match[1]), b.length ? b : containing(match[2]))
  if (found.length || !a.length || !b.length) return found
  return [a[0], b[0]]
}

function directHits(query) {
  const refs = named(query)
  const found = refs.length ? refs : paired(query)
  const urls = []
  for (const ref of found) {
    const url = hits.urls[ref]
    if (url !== undefined && !urls.includes(url)) urls.push(url)
  }
  return urls.slice(0, MAX_HITS)
}

/* --- results --------------------------------------------------------------------- */

/* The indexed section at an anchor; a table row's anchor (#isolation) has its section below
 * the table (#isolation-details). */
function item(location) {
  let doc = docs.get(location)
  if (!doc && location.includes("#"))
    for (const [at, section] of docs) if (at.startsWith(location + "-")) { doc = section; break }
  return doc && { ...doc, score: 1, terms: {} }
}

/* Move (or add) the groups of the hit pages to the front, the hit section first in its group. */
function promote(items, urls) {
  const front = []
  for (const url of urls) {
    const page = url.split("#")[0]
    const at = items.findIndex((group) => group.some((i) => i.location === page))
    const group = at >= 0 ? items.splice(at, 1)[0] : [item(page)].filter(Boolean)
    if (!group.some((i) => i.location === page)) continue
    const hit = url === page ? null : item(url)
    const section = hit ? group.findIndex((i) => i.location === hit.location) : -1
    if (section > 0) group.unshift(...group.splice(section, 1))
    else if (hit && section < 0) group.unshift({ ...hit, score: Math.max(...group.map((i) => i.score)) })
    front.push(group)
  }
  return [...front, ...items]
}

async function search(query) {
  if (!query.trim()) return { type: RESULT, data: { items: [] } }  // sent on every page load
  await load()
  const result = await ask({ type: QUERY, data: query })
  const urls = directHits(query)
  if (urls.length) result.data.items = promote(result.data.items, urls)
  return result
}

/* --- messages -------------------------------------------------------------------- */

/* Queries are answered one at a time; one overtaken by a newer query while it waited (for the
 * index, say) is dropped, since the box already shows the newer text. */
let queue = Promise.resolve()
let latest = 0
self.addEventListener("message", (event) => {
  const message = event.data
  if (message.type === SETUP) {
    options = message.data.options || {}
    post({ type: READY })
  } else if (message.type === QUERY) {
    const turn = ++latest
    queue = queue
      .then(() => turn === latest ? search(message.data).then(post) : null)
      .catch((error) => {
        console.warn(error)
        post({ type: RESULT, data: { items: [] } })
      })
  }
})
