// The page of kg view: draws the graph kg view embedded as JSON with cytoscape.js, and lets a reader find an
// entity, see its properties, facts and sources, hide relation types and see the graph as of a day.
// Every text of the graph reaches the document as text (textContent), never as markup.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('kg-data').textContent);
  const entities = data.entities;
  const facts = data.facts;
  // Past this, force-directed layout takes too long: entities are placed on rings by their number of facts, and
  // edges and labels are left out while panning and zooming, so the page stays smooth up to kg view's limit.
  const large = entities.length > 500;

  // What each entity takes part in: facts it is an end or a role player of, facts it is the source of.
  const factsOf = entities.map(() => []);
  const citedBy = entities.map(() => []);
  facts.forEach((fact, f) => {
    const players = [fact.from, fact.to].concat((fact.roles || []).map(role => role[1]));
    new Set(players).forEach(player => factsOf[player].push(f));
    (fact.sources || []).forEach(source => citedBy[source].push(f));
  });

  const elements = [];
  entities.forEach((entity, i) => {
    // A spiral by the golden angle: every entity starts apart from the others, the same way every time.
    const radius = 40 * Math.sqrt(i);
    elements.push({
      group: 'nodes',
      data: { id: 'n' + i, index: i, label: entity.label, color: data.types[entity.type].color },
      position: { x: radius * Math.cos(i * 2.399963), y: radius * Math.sin(i * 2.399963) },
    });
  });
  facts.forEach((fact, f) => {
    elements.push({
      group: 'edges',
      data: { id: 'f' + f, index: f, source: 'n' + fact.from, target: 'n' + fact.to, label: data.relationTypes[fact.type] },
      classes: fact.symmetric ? 'symmetric' : '',
    });
  });

  const cy = cytoscape({
    container: document.getElementById('graph'),
    elements: elements,
    layout: { name: 'preset' },
    minZoom: 0.02,
    maxZoom: 4,
    hideEdgesOnViewport: large,
    textureOnViewport: large,
    pixelRatio: large ? 1 : 'auto',
    style: [
      {
        selector: 'node',
        style: {
          'background-color': 'data(color)', 'border-width': 1, 'border-color': '#555555', width: 22, height: 22,
          label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
          'text-wrap': 'ellipsis', 'text-max-width': '140px', 'min-zoomed-font-size': 5,
        },
      },
      {
        selector: 'edge',
        style: {
          width: 1.5, 'line-color': '#9a9a9a', 'target-arrow-color': '#9a9a9a', 'target-arrow-shape': 'triangle',
          'curve-style': large ? 'haystack' : 'bezier', 'arrow-scale': 0.8,
          label: 'data(label)', 'font-size': 9, color: '#555555', 'text-rotation': 'autorotate', 'min-zoomed-font-size': 9,
          'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px',
        },
      },
      { selector: 'edge.symmetric', style: { 'target-arrow-shape': 'none' } },
      { selector: '.faded', style: { opacity: 0.15 } },
      { selector: 'node.match', style: { 'border-width': 3, 'border-color': '#d62728' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1f77b4', 'z-index': 10 } },
      { selector: 'edge:selected', style: { width: 3, 'line-color': '#1f77b4', 'target-arrow-color': '#1f77b4' } },
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });

  // What is shown: the entities and facts that hold on the slider's day (all of them at "all time"), and of those
  // facts the ones whose relation type is ticked and whose ends are shown. A thing holds on a day when its period,
  // as GraphView.AsOf reads it, may include that day; an open end holds for ever, no date at all always.
  const shownTypes = data.relationTypes.map(() => true);
  let day = null;
  const holds = thing => day === null || ((thing.start === undefined || thing.start <= day) && (thing.end === undefined || thing.end >= day));

  function refresh() {
    const shown = entities.map(holds);
    cy.batch(() => {
      cy.nodes().forEach(node => { node.toggleClass('hidden', !shown[node.data('index')]); });
      cy.edges().forEach(edge => {
        const fact = facts[edge.data('index')];
        edge.toggleClass('hidden', !(shownTypes[fact.type] && holds(fact) && shown[fact.from] && shown[fact.to]));
      });
    });
    const nodes = shown.filter(Boolean).length;
    const edges = cy.edges().not('.hidden').length;
    document.getElementById('counts').textContent =
      nodes + ' of ' + entities.length + ' entities, ' + edges + ' of ' + facts.length + ' facts';
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) {
      node.textContent = text;
    }

    if (className) {
      node.className = className;
    }

    return node;
  }

  function entityButton(i) {
    const button = element('button', entities[i].label, 'entity');
    button.type = 'button';
    button.title = entities[i].id;
    button.addEventListener('click', () => select(i));
    return button;
  }

  function valueTable(values) {
    const table = element('table');
    values.forEach(value => {
      const row = table.insertRow();
      row.append(element('th', value[0]), element('td', value[1]));
    });
    return table;
  }

  // A fact as a line (its ends, the one being shown as plain text) and what it carries beneath.
  function factItem(f, self) {
    const fact = facts[f];
    const item = element('li');
    const end = i => (i === self ? element('strong', entities[i].label) : entityButton(i));
    const type = data.relationTypes[fact.type];
    item.append(end(fact.from), ' ' + (fact.symmetric ? '— ' + type + ' —' : '—' + type + '→') + ' ', end(fact.to));
    const more = element('ul');
    (fact.roles || []).forEach(role => {
      const line = element('li', role[0] + ': ');
      line.append(end(role[1]));
      more.append(line);
    });
    (fact.values || []).forEach(value => more.append(element('li', value[0] + ': ' + value[1])));
    if (fact.validFrom !== undefined || fact.validTo !== undefined) {
      const from = fact.validFrom !== undefined ? 'from ' + fact.validFrom : '';
      const to = fact.validTo !== undefined ? (from ? ' to ' : 'until ') + fact.validTo : '';
      more.append(element('li', 'valid ' + from + to));
    }

    if (fact.sources) {
      const line = element('li', fact.sources.length === 1 ? 'source: ' : 'sources: ');
      fact.sources.forEach((source, n) => {
        if (n > 0) {
          line.append(', ');
        }

        line.append(end(source));
      });
      more.append(line);
    } else {
      more.append(element('li', 'no source', 'meta'));
    }

    item.append(more);
    return item;
  }

  function factList(list, self, className) {
    const items = element('ul', undefined, className);
    list.forEach(f => items.append(factItem(f, self)));
    return items;
  }

  const details = document.getElementById('details');

  function showEntity(i) {
    const entity = entities[i];
    const parts = [element('h2', entity.label), element('p', data.types[entity.type].name + ' · id ' + entity.id, 'meta')];
    if (entity.values) {
      parts.push(element('h3', 'Properties'), valueTable(entity.values));
    }

    parts.push(element('h3', factsOf[i].length === 1 ? '1 fact' : factsOf[i].length + ' facts'), factList(factsOf[i], i, 'facts'));
    if (citedBy[i].length > 0) {
      parts.push(element('h3', 'Source of ' + (citedBy[i].length === 1 ? '1 fact' : citedBy[i].length + ' facts')), factList(citedBy[i], i, 'cited'));
    }

    details.replaceChildren(...parts);
  }

  function showFact(f) {
    details.replaceChildren(element('h2', data.relationTypes[facts[f].type]), factList([f], -1, 'facts'));
  }

  function select(i) {
    const node = cy.getElementById('n' + i);
    cy.elements().unselect();
    node.select();
    if (node.visible()) {
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    }

    showEntity(i);
  }

  cy.on('tap', 'node', event => showEntity(event.target.data('index')));
  cy.on('tap', 'edge', event => showFact(event.target.data('index')));

  // Search: entities whose name (or id) holds the text, ignoring case, are ringed and listed; the rest fade.
  const search = document.getElementById('search');
  const results = document.getElementById('results');
  let matches = [];
  function find() {
    const query = search.value.trim().toLowerCase();
    matches = query === '' ? [] : entities.flatMap((entity, i) =>
      entity.label.toLowerCase().includes(query) || entity.id.toLowerCase().includes(query) ? [i] : []);
    cy.batch(() => {
      cy.elements().removeClass('match faded');
      if (query !== '') {
        cy.elements().addClass('faded');
        matches.forEach(i => cy.getElementById('n' + i).removeClass('faded').addClass('match'));
      }
    });
    results.hidden = query === '';
    const list = element('ul');
    matches.slice(0, 100).forEach(i => {
      const item = element('li');
      item.append(entityButton(i));
      list.append(item);
    });
    results.replaceChildren(element('h3', matches.length === 1 ? '1 entity found' : matches.length + ' entities found'), list);
  }

  search.addEventListener('input', find);
  search.addEventListener('keydown', event => {
    if (event.key === 'Enter' && matches.length > 0) {
      select(matches[0]);
    }
  });

  // The slider's stops: every day on which something appears or disappears, then "all time".
  const time = document.getElementById('time');
  const dayOutput = document.getElementById('day');
  function showDay() {
    const stop = Number(time.value);
    day = stop < data.days.length ? data.days[stop] : null;
    dayOutput.textContent = day === null ? 'all time' : day;
    refresh();
  }

  time.max = String(data.days.length);
  time.value = String(data.days.length);
  time.disabled = data.days.length === 0;
  time.addEventListener('input', showDay);

  const counts = data.relationTypes.map(() => 0);
  facts.forEach(fact => { counts[fact.type]++; });
  const relations = document.getElementById('relations');
  data.relationTypes.forEach((name, type) => {
    if (counts[type] === 0) {
      return;
    }

    const box = element('input');
    box.type = 'checkbox';
    box.checked = true;
    box.value = name;
    box.addEventListener('change', () => {
      shownTypes[type] = box.checked;
      refresh();
    });
    const label = element('label');
    label.append(box, ' ' + name + ' (' + counts[type] + ')');
    relations.append(label);
  });

  const legend = document.getElementById('legend');
  data.types.forEach((type, index) => {
    const count = entities.filter(entity => entity.type === index).length;
    if (count > 0) {
      const item = element('li');
      const swatch = element('span', undefined, 'swatch');
      swatch.style.backgroundColor = type.color;
      item.append(swatch, type.name + ' (' + count + ')');
      legend.append(item);
    }
  });

  document.getElementById('graph-name').textContent = data.graph;
  showDay();

  const layout = cy.layout(large
    ? { name: 'concentric', concentric: node => node.degree(), minNodeSpacing: 12, animate: false }
    : { name: 'cose', randomize: false, animate: false, nodeDimensionsIncludeLabels: false, idealEdgeLength: () => 70, nodeRepulsion: () => 100000, gravity: 40, numIter: 2500 });
  layout.one('layoutstop', () => {
    cy.fit(undefined, 30);
    document.documentElement.dataset.ready = 'true';
  });
  layout.run();

  // For scripts and tests driving the page.
  window.kgView = { cy: cy, data: data };
})();
