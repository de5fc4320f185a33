package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/maisky-lib/maisky/annotate/postgres"
)

// Open a store on a server: here one that cannot be reached, which is a
// *DBError (ErrDatabase) once the timeout has passed.
func ExampleOpen() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := postgres.Open(ctx, "postgres://maisky@127.0.0.1:1/annotations?connect_timeout=1", postgres.Options{})
	if err != nil {
		fmt.Println(errors.Is(err, postgres.ErrDatabase))
		return
	}
	defer s.Close()
	// Output:
	// true
}

// A service that caches annotations drops what each write names.
func ExampleStore_Watch() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	s, err := postgres.Open(ctx, "postgres://maisky@127.0.0.1:1/annotations?connect_timeout=1", postgres.Options{})
	if err != nil {
		fmt.Println("no server")
		return
	}
	defer s.Close()
	var cache sync.Map // annotation ID → what the service rendered of it
	go func() {
		for ctx.Err() == nil {
			_ = s.Watch(ctx, func(id string) { cache.Delete(id) })
			cache.Clear() // the connection broke: anything may have changed
		}
	}()
	// Output:
	// no server
}
