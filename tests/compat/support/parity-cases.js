// The validation-parity table: sample inputs for the five video-conference endpoints that take parameters.
// Bodies are JSON text (so a name can be repeated, as a client may send it); queries are raw query strings.
// `room` and `call` are a real channel and a started call in it, so accepted inputs reach the handler.

const json = (value) => JSON.stringify(value);

export function parityCases({ room, call }) {
  return [
    {
      route: 'video-conference.start',
      validator: 'isVideoConfStartProps',
      method: 'POST',
      inputs: [
        // missing and case-changed names
        json({}), json({ title: 'x' }), json({ allowRinging: true }), json({ roomid: room }), json({ RoomId: room }),
        json({ ROOMID: room }),
        // extra names, and which check comes first
        json({ roomId: room, extra: 1 }), json({ roomId: room, Title: 'x' }), json({ roomId: room, allowringing: true }),
        json({ extra: 1 }), json({ roomId: room, title: {}, extra: 1 }),
        // types: exact, coercible, not coercible
        json({ roomId: room }), json({ roomId: room, title: 'Daily', allowRinging: false }),
        json({ roomId: 123 }), json({ roomId: 12.5 }), `{"roomId":-0}`, `{"roomId":1e-7}`, `{"roomId":0.1}`, json({ roomId: true }), json({ roomId: false }), json({ roomId: {} }),
        json({ roomId: [] }), json({ roomId: [room] }), json({ roomId: room, title: 5 }), json({ roomId: room, title: true }),
        json({ roomId: room, title: {} }), json({ roomId: room, title: [] }), json({ roomId: room, title: '' }),
        `{"roomId":"${room}","title":1e21}`, `{"roomId":"${room}","title":12345678901234567890}`,
        json({ roomId: room, allowRinging: 'true' }), json({ roomId: room, allowRinging: 'false' }),
        json({ roomId: room, allowRinging: 'yes' }), json({ roomId: room, allowRinging: 'TRUE' }),
        json({ roomId: room, allowRinging: 1 }), json({ roomId: room, allowRinging: 0 }), json({ roomId: room, allowRinging: 2 }),
        json({ roomId: room, allowRinging: '' }), json({ roomId: room, allowRinging: {} }), json({ roomId: room, allowRinging: [true] }),
        json({ roomId: 5, allowRinging: 'x' }), json({ roomId: {}, allowRinging: 'x' }), json({ roomId: room, title: [], allowRinging: 'x' }),
        // titles at the server's limit of 200 UTF-16 code units and past it: the validator sets no maxLength, so
        // the longer one is the endpoint's domain error (bare invalid-params), never a schema message
        json({ roomId: room, title: 't'.repeat(200) }), json({ roomId: room, title: 't'.repeat(201) }),
        json({ roomId: room, title: '\u{1F3A5}'.repeat(100) }), json({ roomId: room, title: `t${'\u{1F3A5}'.repeat(100)}` }),
        // null
        json({ roomId: null }), json({ roomId: room, title: null }), json({ roomId: room, allowRinging: null }),
        // repeated names (JSON.parse keeps the last)
        `{"roomId":"nope","roomId":"${room}"}`, `{"roomId":"${room}","roomId":5}`, `{"roomId":"${room}","title":"a","title":{}}`,
        // not an object
        json([]), json([{ roomId: room }]),
      ],
    },
    {
      route: 'video-conference.join',
      validator: 'isVideoConfJoinProps',
      method: 'POST',
      inputs: [
        json({}), json({ CallId: call }), json({ callid: call }), json({ state: {} }),
        json({ callId: call, extra: 1 }), json({ callId: call, State: {} }), json({ extra: 1, state: 'x' }),
        json({ callId: call }), json({ callId: 5 }), json({ callId: true }), json({ callId: {} }), json({ callId: [call] }),
        json({ callId: null }), json({ callId: call, state: null }), json({ callId: call, state: {} }),
        json({ callId: call, state: '' }), json({ callId: call, state: 0 }), json({ callId: call, state: false }),
        json({ callId: call, state: 'x' }), json({ callId: call, state: [] }), json({ callId: call, state: true }), json({ callId: call, state: 1 }),
        json({ callId: call, state: { mic: true, cam: false } }), json({ callId: call, state: { mic: 'true', cam: 'false' } }),
        json({ callId: call, state: { mic: 'no' } }), json({ callId: call, state: { mic: 1, cam: 0 } }), json({ callId: call, state: { mic: 2 } }),
        json({ callId: call, state: { mic: null, cam: null } }), json({ callId: call, state: { mic: '' } }),
        json({ callId: call, state: { Mic: true } }), json({ callId: call, state: { mic: true, extra: 1 } }),
        json({ callId: call, state: { cam: {} } }), json({ callId: {}, state: { mic: 'x' } }),
        `{"callId":"nope","callId":"${call}"}`, `{"callId":"${call}","state":{"mic":true,"mic":"x"}}`,
      ],
    },
    {
      route: 'video-conference.cancel',
      validator: 'isVideoConfCancelProps',
      method: 'POST',
      inputs: [
        json({}), json({ callid: call }), json({ CALLID: call }), json({ callId: call, extra: 1 }), json({ extra: 1 }),
        json({ callId: call }), json({ callId: 1 }), json({ callId: 1.5 }), json({ callId: false }), json({ callId: null }),
        json({ callId: [] }), json({ callId: {} }), json({ callId: [call] }),
        `{"callId":"${call}","callId":"${call}"}`, `{"callId":"${call}","callId":[]}`,
      ],
    },
    {
      route: 'video-conference.info',
      validator: 'isVideoConfInfoProps',
      method: 'GET',
      inputs: [
        '', `callid=${call}`, `CallId=${call}`, 'extra=1', `callId=${call}&extra=1`, `callId=${call}&CallId=${call}`,
        `callId=${call}`, 'callId=', 'callId', 'callId=null', 'callId=%20', 'callId=123',
        `callId=${call}&callId=${call}`, `callId=a&callId=b&callId=c`,
      ],
    },
    {
      route: 'video-conference.list',
      validator: 'isVideoConfListProps',
      method: 'GET',
      inputs: [
        '', `roomid=${room}`, `RoomId=${room}`, 'count=abc', `roomId=${room}&extra=1`, `roomId=${room}&Count=5`,
        `roomId=${room}`, 'roomId=', `roomId=${room}&roomId=${room}`,
        `roomId=${room}&count=10`, `roomId=${room}&count=abc`, `roomId=${room}&count=`, `roomId=${room}&offset=`,
        `roomId=${room}&count`, `roomId=${room}&count=1e2`, `roomId=${room}&count=0x10`, `roomId=${room}&count=2.9`,
        `roomId=${room}&count=-5`, `roomId=${room}&count=Infinity`, `roomId=${room}&count=1e400`, `roomId=${room}&count=%20`,
        `roomId=${room}&count=null`, `roomId=${room}&count=true`, `roomId=${room}&count=1,2`, `roomId=${room}&count=1&count=2`,
        `roomId=${room}&offset=abc&count=abc`, `roomId=${room}&offset=-1&count=0`, `roomId=${room}&offset=1&offset=2`,
      ],
    },
  ];
}
