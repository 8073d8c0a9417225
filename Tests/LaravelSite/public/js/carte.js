(function () {
    var map = document.getElementById('map');
    var list = document.getElementById('warehouse-list');
    var box = { north: 16.8, south: 12.0, west: -17.6, east: -11.3 };
    fetch(map.dataset.source, { headers: { 'Accept': 'application/json' } })
        .then(function (response) { return response.json(); })
        .then(function (payload) {
            payload.data.forEach(function (w) {
                var dot = document.createElement('span');
                dot.className = 'warehouse';
                dot.title = w.name + ' (' + w.capacity + ' t)';
                dot.style.position = 'absolute';
                dot.style.left = ((w.longitude - box.west) / (box.east - box.west) * 100) + '%';
                dot.style.top = ((box.north - w.latitude) / (box.north - box.south) * 100) + '%';
                dot.textContent = '●';
                map.appendChild(dot);
                var item = document.createElement('li');
                item.textContent = w.name + ' — ' + w.region + ' — ' + w.capacity + ' t';
                list.appendChild(item);
            });
            map.style.position = 'relative';
        })
        .catch(function () { map.textContent = 'Impossible de charger les entrepôts.'; });
})();
